package org.pourparler.server.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The convener (the server's one mediator account) and its one-time sign-in links. The first start
 * creates the convener; every start issues a fresh link, as Jupyter does. A link's token is single-use
 * and expires.
 */
public final class Conveners {
    /** How long a printed sign-in link stays valid. */
    public static final Duration SIGN_IN_VALIDITY = Duration.ofHours(24);

    private final Database db;
    private final Clock clock;

    public Conveners(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The convener's id, creating the convener on the first start. */
    public long ensureConvener() {
        return db.jdbi().inTransaction(h -> h.createQuery("SELECT MIN(id) FROM conveners").mapTo(Long.class).findOne()
                .orElseGet(() -> h.createUpdate("INSERT INTO conveners (created_at) VALUES (:at)")
                        .bind("at", clock.millis())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    /** A new sign-in token for the convener, valid once within {@code validity}; only its hash is stored. */
    public String issueSignIn(long convenerId, Duration validity) {
        String token = Tokens.newToken();
        long now = clock.millis();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO sign_in_tokens (token_hash, convener_id, created_at, expires_at) "
                        + "VALUES (:hash, :convener, :now, :expires)")
                .bind("hash", Tokens.hash(token)).bind("convener", convenerId).bind("now", now)
                .bind("expires", now + validity.toMillis()).execute());
        return token;
    }

    /** Deletes sign-in tokens that are used or expired (at each start); returns how many. */
    public int deleteSpentSignIns() {
        return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM sign_in_tokens WHERE used_at IS NOT NULL OR expires_at <= :now")
                .bind("now", clock.millis()).execute());
    }

    /** Uses up a sign-in token: the convener's id when it is known, unused and unexpired; never twice. */
    public Optional<Long> redeemSignIn(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        String hash = Tokens.hash(token);
        long now = clock.millis();
        return db.jdbi().inTransaction(h -> {
            // the UPDATE is the single-use check: of two concurrent redemptions one changes the row
            int changed = h.createUpdate("UPDATE sign_in_tokens SET used_at = :now "
                            + "WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                    .bind("now", now).bind("hash", hash).execute();
            if (changed != 1) return Optional.<Long>empty();
            return h.createQuery("SELECT convener_id FROM sign_in_tokens WHERE token_hash = :hash")
                    .bind("hash", hash).mapTo(Long.class).findOne();
        });
    }
}
