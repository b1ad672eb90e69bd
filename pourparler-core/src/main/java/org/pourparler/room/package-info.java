/**
 * A live negotiation held in a room: people, built-in agents and outside programs in the seats of a
 * scenario's negotiating parties, playing one of the {@link org.pourparler.negotiation.Protocol}s
 * through the same {@link org.pourparler.negotiation.Negotiation} state machine a simulation uses.
 * A room is event-sourced: every change is a {@link org.pourparler.room.RoomEvent} with an
 * {@link org.pourparler.room.Audience}, and the room's state is rebuilt by replaying them
 * ({@link org.pourparler.room.Room#replay}). Pure: no I/O, no clock of its own; the server stores the
 * events and says what time it is.
 */
package org.pourparler.room;
