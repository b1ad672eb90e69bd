package org.pourparler.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to people and programs: sign-in links, sessions, invite links, API tokens. Each is 256
 * random bits from {@link SecureRandom}, URL-safe base64 (43 characters); the database keeps only its
 * SHA-256, so a copy of the database signs nobody in.
 *
 * <pre>{@code
 * String token = Tokens.newToken();          // give this to the person, once
 * String stored = Tokens.hash(token);        // keep this
 * Tokens.matches(token, stored);             // true, compared in constant time
 * }</pre>
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {}

    /** A fresh secret token: 256 random bits, URL-safe. */
    public static String newToken() { return random(32); }

    /** A public identifier (a room's): 128 random bits, URL-safe, not a secret but not guessable either. */
    public static String newPublicId() { return random(16); }

    /**
     * Random bytes, URL-safe; never beginning with '-', which command lines (a program's
     * {@code --token TOKEN}) would read as an option: such a draw is drawn again, which leaves 255.98
     * of a token's 256 bits.
     */
    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        String s;
        do {
            RANDOM.nextBytes(b);
            s = URL_SAFE.encodeToString(b);
        } while (s.charAt(0) == '-');
        return s;
    }

    /** The SHA-256 of a token, lower-case hex: what the database stores and looks up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the token hashes to the stored hash, in time independent of where they differ. */
    public static boolean matches(String token, String storedHash) {
        return equalsConstantTime(hash(token), storedHash);
    }

    /** Equality of two secrets in time independent of where they differ (CSRF tokens, hashes). */
    public static boolean equalsConstantTime(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
