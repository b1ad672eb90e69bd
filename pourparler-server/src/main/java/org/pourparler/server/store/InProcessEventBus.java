package org.pourparler.server.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The bus of one process: subscribers per room, woken on the appending thread (listeners must not block). */
final class InProcessEventBus implements EventBus {
    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    @Override
    public void published(long room) {
        Set<Runnable> set = listeners.get(room);
        if (set != null) set.forEach(Runnable::run);
    }

    @Override
    public Subscription subscribe(long room, Runnable listener) {
        listeners.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(room, (r, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes every subscriber of every room. */
    void wakeAll() {
        listeners.values().forEach(set -> set.forEach(Runnable::run));
    }

    @Override
    public void close() { listeners.clear(); }
}
