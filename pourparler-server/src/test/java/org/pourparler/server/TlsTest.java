package org.pourparler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server with a certificate of its own (--tls-keystore): https only, Secure cookies, a public bind allowed. */
class TlsTest {
    static final String PASSWORD = "test-keystore-password";

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void makeACertificate() throws Exception {
        keystore = dir.resolve("server.p12");
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void theServerSpeaksHttpsOnlyAndItsCookiesAreSecure() throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withDatabase(dir.resolve("tls.db").toString())
                .withTls(new ServerConfig.Tls(keystore, PASSWORD));
        PourparlerServer server = PourparlerServer.start(config, List.of());
        try {
            String link = server.signInLink();
            assertThat(link).startsWith("https://127.0.0.1:" + server.port() + "/signin?token=");
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();
            HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("; Secure"));

            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try {
                HttpResponse<String> overHttp = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(overHttp.statusCode()).as("plain HTTP on the TLS port is refused").isGreaterThanOrEqualTo(400);
            } catch (java.io.IOException refused) {
                // the TLS port answers plain HTTP with TLS bytes: refused too
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aCertificateAllowsAPublicBind() throws Exception {
        ServerConfig.defaults().withBind("0.0.0.0").withTls(new ServerConfig.Tls(keystore, PASSWORD)).validate();
    }

    @Test
    void aWrongPasswordOrAMissingKeystoreIsAUserErrorThatShowsNoPassword() {
        assertThatThrownBy(() -> ServerConfig.defaults().withTls(new ServerConfig.Tls(keystore, "wrong-password")).validate())
                .isInstanceOf(ServerException.class).hasMessageContaining("--tls-keystore").hasMessageContaining("POURPARLER_TLS_PASSWORD")
                .hasMessageNotContaining("wrong-password");
        assertThatThrownBy(() -> ServerConfig.defaults().withTls(new ServerConfig.Tls(dir.resolve("none.p12"), PASSWORD)).validate())
                .isInstanceOf(ServerException.class).hasMessageContaining("no such file");
        assertThat(new ServerConfig.Tls(keystore, PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(ServerConfig.defaults().withTls(new ServerConfig.Tls(keystore, PASSWORD)).toString()).doesNotContain(PASSWORD);
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
