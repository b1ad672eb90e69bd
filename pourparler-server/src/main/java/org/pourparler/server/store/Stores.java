package org.pourparler.server.store;

import java.time.Clock;
import java.util.Objects;

/**
 * Every store over one database, built once per server: what the HTTP layer and the room engine use.
 *
 * @param database the database
 * @param clock the clock every store reads (a fixed one in tests)
 * @param bus told after each committed append
 */
public record Stores(Database database, Clock clock, EventBus bus, Conveners conveners, Sessions sessions, Rooms rooms,
                     Seats seats, EventLog log, Studies studies) {

    /** The stores over the database. */
    public static Stores over(Database database, Clock clock, EventBus bus) {
        Objects.requireNonNull(database, "database");
        Seats seats = new Seats(database);
        return new Stores(database, clock, bus, new Conveners(database, clock), new Sessions(database, clock, seats),
                new Rooms(database, clock), seats, new EventLog(database, clock, bus),
                new Studies(database, clock));
    }
}
