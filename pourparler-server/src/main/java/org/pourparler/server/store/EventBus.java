package org.pourparler.server.store;

/**
 * Tells a room's live streams that its log has grown. The log calls {@link #published} after each
 * committed append; a stream subscribes and re-reads the log when woken (the notification carries no
 * event, so a lost or doubled wake-up loses or doubles nothing).
 *
 * <p>{@link #inProcess()} serves one server; {@link PostgresEventBus} serves several servers on one
 * PostgreSQL database (LISTEN/NOTIFY).
 */
public interface EventBus extends AutoCloseable {

    /** Wakes every subscriber of the room (in every process sharing the bus). */
    void published(long room);

    /** Calls {@code listener} after every later append to the room, until the returned handle is closed. */
    Subscription subscribe(long room, Runnable listener);

    /** Stops delivering. */
    @Override
    void close();

    /** A bus inside this process. */
    static EventBus inProcess() { return new InProcessEventBus(); }

    /** A subscription; closing it stops the wake-ups. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
