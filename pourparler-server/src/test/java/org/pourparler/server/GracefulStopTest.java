package org.pourparler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop lets the requests in flight finish, and refuses new ones meanwhile. */
class GracefulStopTest {

    @Test
    void aRequestInFlightWhenTheServerStopsStillGetsItsAnswer() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        PourparlerServer.Extension slow = (routes, stores) -> routes.get("/test/slow", ctx -> {
            entered.countDown();
            Thread.sleep(1500);
            ctx.json(Map.of("done", true));
        });
        TestServer t = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(TestDatabases.fresh("sqlite")), List.of(slow));
        try {
            CompletableFuture<HttpResponse<String>> inFlight = t.http.sendAsync(t.request("/test/slow").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(t.server::stop);
            Thread.sleep(300);
            // while draining, a new request is refused (503) or finds the port closed
            try {
                HttpResponse<String> late = t.http.send(t.request("/api/health").timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(late.statusCode()).isEqualTo(503);
                assertThat(TestServer.json(late).path("error").asText()).contains("stopping");
            } catch (java.io.IOException refused) {
                // the listener had already closed: also a refusal
            }
            HttpResponse<String> answered = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(answered).path("done").asBoolean()).isTrue();
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            t.close();
        }
    }
}
