package org.pourparler.server.store;

import java.time.Instant;

/**
 * One committed entry of a room's log.
 *
 * @param seq its number in the room: 1, 2, 3, ... without gaps
 * @param at when it was committed
 * @param seat the seat that acted, or {@value NewEvent#ROOM} for the room itself (engine, mediator)
 * @param type what happened, e.g. {@code offer}
 * @param payload its JSON (compact, one line)
 * @param audience who may see it
 */
public record Event(long seq, Instant at, int seat, String type, String payload, Audience audience) {}
