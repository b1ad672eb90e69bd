package org.pourparler.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void aTokenIs256RandomBitsInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(Tokens.newPublicId()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noTokenOrIdBeginsWithADashThatACommandLineWouldReadAsAnOption() {
        // one draw in 64 would: among 20,000 about 300
        for (int i = 0; i < 10_000; i++) {
            assertThat(Tokens.newToken()).doesNotStartWith("-");
            assertThat(Tokens.newPublicId()).doesNotStartWith("-");
        }
    }

    @Test
    void theHashIsTheSha256OfTheTokenInHex() throws Exception {
        String token = Tokens.newToken();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(Tokens.hash(token)).isEqualTo(expected).doesNotContain(token);
        // a known vector: SHA-256("abc")
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesAcceptsTheTokenOnly() {
        String token = Tokens.newToken();
        String stored = Tokens.hash(token);
        assertThat(Tokens.matches(token, stored)).isTrue();
        assertThat(Tokens.matches(Tokens.newToken(), stored)).isFalse();
        assertThat(Tokens.matches(stored, stored)).as("the hash is not a token").isFalse();
        assertThat(Tokens.equalsConstantTime("abc", "abd")).isFalse();
        assertThat(Tokens.equalsConstantTime("abc", "abc")).isTrue();
    }
}
