package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pourparler serve} as a user meets it: refusals with exit 2, and a real process that serves and stops on SIGTERM. */
class ServeCommandTest {

    @Test
    void aPublicBindWithoutAProxyIsRefusedWithExit2() {
        CliTest.Run r = CliTest.run("serve", "--bind", "0.0.0.0", "--port", "0");
        assertThat(r.code()).isEqualTo(Main.USER_ERROR);
        assertThat(r.err()).contains("--bind 0.0.0.0").contains("--behind-proxy").doesNotContain("at org.");
    }

    @Test
    void aKeystoreWithoutItsPasswordVariableIsRefusedWithExit2(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("serve", "--port", "0", "--tls-keystore", dir.resolve("server.p12").toString());
        assertThat(r.code()).isEqualTo(Main.USER_ERROR);
        // without the variable that is the complaint; where it happens to be set, the missing file is
        assertThat(r.err()).contains("--tls-keystore").contains(System.getenv("POURPARLER_TLS_PASSWORD") == null
                ? "POURPARLER_TLS_PASSWORD" : "no such file");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithExit2() {
        CliTest.Run r = CliTest.run("serve", "--port", "0", "--db", "jdbc:mysql://localhost/x");
        assertThat(r.code()).isEqualTo(Main.USER_ERROR);
        assertThat(r.err()).contains("--db must be an SQLite file or a jdbc:postgresql:// URL");
        CliTest.Run port = CliTest.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(Main.USER_ERROR);
        assertThat(port.err()).contains("--port must be in 0..65535");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aServeProcessPrintsItsSignInLinkServesAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.pourparler.cli.Main", "serve", "--port", "0", "--db", dir.resolve("rooms.db").toString()))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String link = null;
            for (String line = out.readLine(); line != null && link == null; line = out.readLine()) {
                if (line.contains("/signin?token=")) link = line.trim();
            }
            assertThat(link).matches("http://127\\.0\\.0\\.1:\\d+/signin\\?token=[A-Za-z0-9_-]{43}");
            URI base = URI.create(link.substring(0, link.indexOf("/signin")));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(303);

            p.destroy();                                      // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("stderr.txt"));
            assertThat(err).contains("GET /api/health 200").contains("Pourparler stopped").doesNotContain(link.substring(link.indexOf('=') + 1));
            assertThat(dir.resolve("rooms.db")).exists();
        } finally {
            p.destroyForcibly();
        }
    }
}
