/**
 * The rooms' endpoints: the core's event-sourced {@link org.pourparler.room.Room} over the server's
 * log — open a room, take a seat, act, write, export — one writer per room, every action acknowledged
 * once its events are committed, every view filtered by the one audience rule.
 */
package org.pourparler.server.rooms;
