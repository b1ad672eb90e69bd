package org.pourparler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.server.store.Database;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void aPublicBindIsRefusedUnlessAProxyStandsInFront() throws Exception {
        assertThatThrownBy(() -> ServerConfig.defaults().withBind("0.0.0.0").validate())
                .isInstanceOf(ServerException.class).hasMessageContaining("--bind 0.0.0.0").hasMessageContaining("--behind-proxy");
        ServerConfig.defaults().withBind("0.0.0.0").withBehindProxy(true).validate();
        ServerConfig.defaults().withBind("127.0.0.1").validate();
        ServerConfig.defaults().withBind("::1").validate();
        assertThatThrownBy(() -> ServerConfig.defaults().withBind("no-such-host.invalid").validate())
                .isInstanceOf(ServerException.class).hasMessageContaining("--bind no-such-host.invalid");
    }

    @Test
    void theBaseUrlMustBeAnAbsoluteHttpUrl() throws Exception {
        assertThat(ServerConfig.parseBaseUrl("https://mediation.example.org/").toString()).isEqualTo("https://mediation.example.org");
        assertThatThrownBy(() -> ServerConfig.parseBaseUrl("mediation.example.org")).isInstanceOf(ServerException.class)
                .hasMessageContaining("--base-url");
        assertThatThrownBy(() -> ServerConfig.defaults().withPublicBaseUrl(URI.create("ftp://x.org")).validate())
                .isInstanceOf(ServerException.class).hasMessageContaining("--base-url");
        assertThat(ServerConfig.defaults().withPublicBaseUrl(URI.create("https://x.org")).https()).isTrue();
        assertThat(ServerConfig.defaults().https()).isFalse();
    }

    @Test
    void outOfRangeValuesAreRefusedAtOnce() {
        assertThatThrownBy(() -> ServerConfig.defaults().withPort(70000)).hasMessageContaining("--port must be in 0..65535, but was 70000");
    }

    @Test
    void portZeroPicksAFreePortAndTheDefaultDatabaseIsAFileThatSurvivesARestart() throws Exception {
        String db = dir.resolve("pourparler.db").toString();
        PourparlerServer first = PourparlerServer.start(ServerConfig.defaults().withPort(0).withDatabase(db), List.of());
        int port = first.port();
        String firstLink = first.signInLink();
        long convener = first.stores().conveners().ensureConvener();
        String spare = first.stores().conveners().issueSignIn(convener, java.time.Duration.ofHours(1));
        assertThat(first.stores().conveners().redeemSignIn(TestServer.tokenOf(firstLink))).contains(convener);
        first.stop();
        first.stop();
        assertThat(port).isPositive();
        assertThat(Files.exists(dir.resolve("pourparler.db"))).isTrue();
        PourparlerServer second = PourparlerServer.start(ServerConfig.defaults().withPort(0).withDatabase(db), List.of());
        try {
            assertThat(second.stores().conveners().ensureConvener()).as("the same convener").isEqualTo(convener);
            long links = second.stores().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sign_in_tokens").mapTo(Long.class).one());
            assertThat(links).as("the used link is deleted at restart; the unused one and the new one stay").isEqualTo(2);
            assertThat(second.stores().conveners().redeemSignIn(spare)).contains(convener);
            assertThat(second.signInLink()).as("a fresh link at each start").isNotEqualTo(firstLink);
        } finally {
            second.stop();
        }
    }

    @Test
    void aTakenPortIsAUserError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PourparlerServer.start(ServerConfig.defaults().withPort(taken.getLocalPort())
                    .withDatabase(dir.resolve("x.db").toString()), List.of()))
                    .isInstanceOf(ServerException.class).hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aBadDatabaseIsAUserErrorNamingIt() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x")).isInstanceOf(ServerException.class)
                .hasMessageContaining("--db must be an SQLite file or a jdbc:postgresql:// URL");
        assertThatThrownBy(() -> Database.open(dir.resolve("missing/folder/x.db").toString())).isInstanceOf(ServerException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=secret-pw&connectTimeout=2"))
                .isInstanceOf(ServerException.class).hasMessageContaining("Cannot open the database")
                .hasMessageNotContaining("secret-pw");
    }
}
