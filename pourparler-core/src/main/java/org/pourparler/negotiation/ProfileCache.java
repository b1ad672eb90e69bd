package org.pourparler.negotiation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pourparler.model.Profile;

/**
 * The {@link ProfileStore}s of many sessions: one store per profile (profiles equal as values share
 * one, which is sound since a store holds only what follows from the profile), thread-safe.
 * Give one cache to every session of a tournament ({@link Session.Options#withCache}); without one,
 * each session starts with empty stores.
 */
public final class ProfileCache {
    private final Map<Profile, Store> stores = new ConcurrentHashMap<>();

    private ProfileCache() { }

    public static ProfileCache create() { return new ProfileCache(); }

    /** The store of one profile. */
    public ProfileStore storeFor(Profile profile) {
        return stores.computeIfAbsent(profile, p -> new Store());
    }

    /** Drops a profile's store (sessions already holding its values keep them). */
    public void forget(Profile profile) {
        stores.remove(profile);
    }

    private static final class Store implements ProfileStore {
        private final Map<String, Object> values = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T computeIfAbsent(String key, Supplier<T> compute) {
            Object v = values.get(key);
            if (v == null) {
                synchronized (this) {              // compute once even when sessions start together
                    v = values.get(key);
                    if (v == null) {
                        v = compute.get();
                        values.put(key, v);
                    }
                }
            }
            return (T) v;
        }
    }
}
