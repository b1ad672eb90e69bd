package org.pourparler.server.http;

import java.time.Duration;

/**
 * The requests being handled, so that a stop lets them finish: once draining, new requests are
 * refused with 503, and {@link #drain} waits until the last one in flight has answered.
 */
public final class InFlight {
    private int count;
    private boolean draining;

    /** Counts a request in; false when the server is stopping (the request must be refused). */
    public synchronized boolean enter() {
        if (draining) return false;
        count++;
        return true;
    }

    /** Counts a request out. */
    public synchronized void exit() {
        if (count > 0 && --count == 0) notifyAll();
    }

    /** Refuses new requests and waits until none is in flight, or the timeout; true when none is left. */
    public synchronized boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long end = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
