package org.pourparler.negotiation;

import java.util.function.Supplier;

/**
 * A place for what a negotiator computes from its own profile alone (a sorted offer table, say),
 * so that later sessions with the same profile reuse it: a tournament plays each profile many
 * times. A negotiator's store belongs to its own profile only; nothing of another party's is in
 * it. Values must be immutable and thread-safe: sessions on other threads may read them.
 */
public interface ProfileStore {

    /** The value stored under {@code key}, computing and storing it first when absent. */
    <T> T computeIfAbsent(String key, Supplier<T> compute);
}
