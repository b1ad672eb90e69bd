package org.pourparler.server.store;

/**
 * Another writer appended to the room's log (or stored the same idempotency key) first: nothing of this
 * append was written. The room layer re-reads the log (and the stored response) and decides again.
 */
public final class LogConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long room;
    private final long expectedLastSeq;

    public LogConflictException(long room, long expectedLastSeq) {
        super("Another writer appended to room " + room + " after seq " + expectedLastSeq);
        this.room = room;
        this.expectedLastSeq = expectedLastSeq;
    }

    /** The room's internal id. */
    public long room() { return room; }

    /** The last seq the losing writer had read. */
    public long expectedLastSeq() { return expectedLastSeq; }
}
