package org.pourparler.server.store;

import java.util.Objects;

/**
 * The response to remember for a request that carried an {@code Idempotency-Key}: stored in the same
 * transaction as the events the request appends, so a retry either finds both or neither.
 *
 * @param principal who asked (e.g. {@code seat:12:0}, {@code convener:1}): keys are per principal
 * @param key the client's Idempotency-Key header (1 to 200 printable ASCII characters)
 * @param response what the first request answered
 */
public record Idempotency(String principal, String key, StoredResponse response) {
    public Idempotency {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(response, "response");
        if (!validKey(key)) {
            throw new IllegalArgumentException("An Idempotency-Key must be 1 to 200 printable ASCII characters");
        }
    }

    /** Whether a header value can be an idempotency key. */
    public static boolean validKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= 200 && key.chars().allMatch(c -> c > 32 && c < 127);
    }

    /** An HTTP status and body. */
    public record StoredResponse(int status, String body) {
        public StoredResponse {
            Objects.requireNonNull(body, "body");
        }
    }
}
