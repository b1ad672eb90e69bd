package org.pourparler.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.pourparler.server.PourparlerServer;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.TestDatabases;
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Event;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Seat;
import org.pourparler.server.store.Tokens;

/** The server's plumbing through a real HTTP client, on SQLite and on PostgreSQL. */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class ServerHttpTest {
    @Parameter
    String vendor;

    TestServer t;
    final AtomicInteger decisions = new AtomicInteger();

    /** Endpoints standing in for the room engine's: one that fails, one that reads a body, one that acts. */
    final PourparlerServer.Extension testRoutes = (routes, stores) -> {
        routes.get("/test/boom", ctx -> {
            throw new IllegalStateException("internal detail: room id 4711 in table rooms");
        });
        routes.post("/test/echo", ctx -> ctx.json(Map.of("bytes", ctx.bodyAsBytes().length)));
        routes.post("/test/whoami", ctx -> ctx.json(Map.of("principal", Http.principal(ctx).key())));
        routes.post("/api/rooms/{room}/act", ctx -> {
            Http.RoomView view = Http.room(ctx, stores);
            Actions.perform(ctx, stores.log(), view.room(), last -> {
                int n = decisions.incrementAndGet();
                return new Actions.Decision(List.of(NewEvent.of(0, "acted", "{\"n\":" + n + "}", Audience.all())), 201,
                        Http.JSON.createObjectNode().put("seq", last + 1).put("decision", n));
            });
        });
    };

    @BeforeEach
    void start() throws Exception {
        t = TestServer.start(vendor, List.of(testRoutes));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void healthIsOkWhileTheDatabaseAnswersAnd503OnceThePoolIsClosed() {
        HttpResponse<String> ok = t.get("/api/health", Map.of());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(ok).path("status").asText()).isEqualTo("ok");
        t.server.stores().database().close();
        HttpResponse<String> down = t.get("/api/health", Map.of());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(down).path("status").asText()).isNotEqualTo("ok");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (HttpResponse<String> r : List.of(t.get("/api/health", Map.of()), t.get("/no/such/page", Map.of()),
                t.get("/test/boom", Map.of()), t.get("/api/rooms/nope/events", Map.of()))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().getPath())
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void aFailingHandlerAnswers500WithAPlainSentenceAndNothingInternal() {
        HttpResponse<String> r = t.get("/test/boom", Map.of());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestServer.json(r);
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("error").asText()).startsWith("The server failed");
        assertThat(r.body()).doesNotContain("Exception", "at org.", "4711", "internal detail", ".java");
    }

    @Test
    void unknownPathsAnswerAJson404() {
        HttpResponse<String> r = t.get("/no/such/page", Map.of());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(r).path("error").asText()).isNotBlank();
    }

    @Test
    void aBodyOverTheLimitIs413WithAJsonErrorWhetherItsLengthIsDeclaredOrNot() {
        byte[] big = new byte[(int) ServerConfig.DEFAULT_MAX_REQUEST_BYTES + 1];
        HttpResponse<String> declared = t.send(t.request("/test/echo").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(declared).path("error").asText()).contains("larger than the server accepts");
        HttpResponse<String> chunked = t.send(t.request("/test/echo")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(chunked).path("error").asText()).contains("larger than the server accepts");
        HttpResponse<String> small = t.post("/test/echo", "x".repeat(1000), Map.of());
        assertThat(TestServer.json(small).path("bytes").asInt()).isEqualTo(1000);
    }

    @Test
    void theSignInLinkSignsTheConvenerInOnceWithAStrictHttpOnlyCookie() {
        String link = t.server.signInLink();
        assertThat(link).startsWith("http://127.0.0.1:" + t.server.port() + "/signin?token=");
        HttpResponse<String> first = t.get("/signin?token=" + TestServer.tokenOf(link), Map.of());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(Http.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        TestServer.Credentials c = t.credentials(first);
        JsonNode me = TestServer.json(t.get("/api/me", c.cookieOnly()));
        assertThat(me.path("principal").asText()).isEqualTo("convener");
        assertThat(me.path("csrfToken").asText()).hasSize(43);

        HttpResponse<String> again = t.get("/signin?token=" + TestServer.tokenOf(link), Map.of());
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(TestServer.json(again).path("error").asText()).contains("already used");
    }

    @Test
    void aSignInLinkExpiresAfter24Hours() {
        var conveners = t.server.stores().conveners();
        String token = conveners.issueSignIn(conveners.ensureConvener(), org.pourparler.server.store.Conveners.SIGN_IN_VALIDITY);
        t.clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(t.get("/signin?token=" + token, Map.of()).statusCode()).isEqualTo(401);
        assertThat(t.get("/signin?token=wrong", Map.of()).statusCode()).isEqualTo(401);
        assertThat(t.get("/signin", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterSevenDays() {
        TestServer.Credentials c = t.signIn();
        t.clock.advance(org.pourparler.server.store.Sessions.VALIDITY.minusMinutes(1));
        assertThat(TestServer.json(t.get("/api/me", c.cookieOnly())).path("principal").asText()).isEqualTo("convener");
        t.clock.advance(Duration.ofMinutes(2));
        assertThat(TestServer.json(t.get("/api/me", c.cookieOnly())).path("principal").asText()).isEqualTo("anonymous");
    }

    @Test
    void cookiesAreSecureWhenThePublicBaseUrlIsHttps() throws Exception {
        try (TestServer https = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(TestDatabases.fresh(vendor))
                .withPublicBaseUrl(URI.create("https://back-channel.example.org")), List.of())) {
            assertThat(https.server.signInLink()).startsWith("https://back-channel.example.org/signin?token=");
            HttpResponse<String> r = https.get("/signin?token=" + TestServer.tokenOf(https.server.signInLink()), Map.of());
            assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("; Secure"));
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void aStateChangeBorneByACookieNeedsTheSessionsCsrfToken() {
        TestServer.Credentials c = t.signIn();
        HttpResponse<String> without = t.post("/api/signout", "", c.cookieOnly());
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(without).path("error").asText()).contains("CSRF");
        HttpResponse<String> wrong = t.post("/api/signout", "", Map.of("Cookie", c.cookie(), "X-CSRF-Token", Tokens.newToken()));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(t.get("/api/me", c.cookieOnly())).path("principal").asText()).isEqualTo("convener");

        HttpResponse<String> form = t.send(t.request("/test/whoami").header("Cookie", c.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + c.csrf())));
        assertThat(form.statusCode()).as("the token in a form field").isEqualTo(200);

        HttpResponse<String> with = t.post("/api/signout", "", c.headers());
        assertThat(with.statusCode()).isEqualTo(204);
        assertThat(TestServer.json(t.get("/api/me", c.cookieOnly())).path("principal").asText()).isEqualTo("anonymous");
    }

    @Test
    void aBearerTokenNeedsNoCsrfTokenAndNeverFallsBackToTheCookie() {
        Room room = room(true);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 0, "Union", Seat.Kind.PROGRAM);
        HttpResponse<String> r = t.post("/test/whoami", "", Map.of("Authorization", "Bearer " + seat.token()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(r).path("principal").asText()).isEqualTo("seat:" + room.id() + ":0");
        TestServer.Credentials c = t.signIn();
        HttpResponse<String> badBearer = t.post("/test/whoami", "", Map.of("Authorization", "Bearer nonsense", "Cookie", c.cookie()));
        assertThat(TestServer.json(badBearer).path("principal").asText()).isEqualTo("anonymous");
    }

    @Test
    void tokensAreStoredOnlyAsTheirHashes() {
        Room room = room(true);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 0, "Union", Seat.Kind.PERSON);
        TestServer.Credentials c = t.signIn();
        List<String> secrets = List.of(seat.token(), TestServer.tokenOf(t.server.signInLink()),
                c.cookie().substring(c.cookie().indexOf('=') + 1));
        StringBuilder everything = new StringBuilder();
        for (String table : List.of("conveners", "sign_in_tokens", "sessions", "rooms", "seats", "events", "idempotency_keys")) {
            t.server.stores().database().jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list()
                    .forEach(row -> everything.append(row.values()).append('\n')));
        }
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
            assertThat(everything).contains(Tokens.hash(secret));
        }
    }

    @Test
    void theInviteLinkOpensASeatSessionAndLeadsToTheRoom() {
        Room room = room(false);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 1, "Management", Seat.Kind.PERSON);
        HttpResponse<String> join = t.get("/join/" + seat.token(), Map.of());
        assertThat(join.statusCode()).isEqualTo(303);
        assertThat(join.headers().firstValue("Location")).contains("/rooms/" + room.publicId());
        assertThat(join.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("HttpOnly", "SameSite=Lax"));
        TestServer.Credentials c = t.credentials(join);
        JsonNode me = TestServer.json(t.get("/api/me", c.cookieOnly()));
        assertThat(me.path("principal").asText()).isEqualTo("seat");
        assertThat(me.path("room").asText()).isEqualTo(room.publicId());
        assertThat(me.path("seat").asInt()).isEqualTo(1);
        assertThat(t.get("/api/rooms/" + room.publicId() + "/events", c.cookieOnly()).statusCode()).isEqualTo(200);
        assertThat(t.get("/join/" + Tokens.newToken(), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedSeatIsNobody() {
        Room room = room(true);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 0, "Union", Seat.Kind.PERSON);
        TestServer.Credentials c = t.credentials(t.get("/join/" + seat.token(), Map.of()));
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + seat.token());
        String events = "/api/rooms/" + room.publicId() + "/events";
        assertThat(t.get(events, bearer).statusCode()).isEqualTo(200);

        assertThat(t.server.stores().seats().revoke(room.id(), 0)).isTrue();
        assertThat(t.get(events, bearer).statusCode()).isEqualTo(401);
        assertThat(t.get(events, c.cookieOnly()).statusCode()).isEqualTo(401);
        assertThat(TestServer.json(t.get("/api/me", c.cookieOnly())).path("principal").asText()).isEqualTo("anonymous");
        assertThat(t.get("/join/" + seat.token(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(t.get("/api/rooms/" + room.publicId() + "/stream", Map.of("Authorization", "Bearer " + seat.token(),
                "Accept", "text/event-stream")).statusCode()).isEqualTo(401);

        Seat.Issued reissued = t.server.stores().seats().reissue(room.id(), 0).orElseThrow();
        assertThat(t.get(events, bearer).statusCode()).as("the old token stays dead").isEqualTo(401);
        assertThat(t.get(events, Map.of("Authorization", "Bearer " + reissued.token())).statusCode()).isEqualTo(200);
    }

    @Test
    void aRetriedActionWithTheSameIdempotencyKeyActsOnceAndAnswersTheSame() {
        Room room = room(true);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 0, "Union", Seat.Kind.PROGRAM);
        String act = "/api/rooms/" + room.publicId() + "/act";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + seat.token(), "Idempotency-Key", "offer-1");
        HttpResponse<String> first = t.post(act, "", headers);
        HttpResponse<String> retry = t.post(act, "", headers);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(t.server.stores().log().read(room.id(), 0)).hasSize(1);
        assertThat(decisions).hasValue(1);

        HttpResponse<String> other = t.post(act, "", Map.of("Authorization", "Bearer " + seat.token(), "Idempotency-Key", "offer-2"));
        assertThat(TestServer.json(other).path("seq").asInt()).isEqualTo(2);
        HttpResponse<String> noKey = t.post(act, "", Map.of("Authorization", "Bearer " + seat.token()));
        assertThat(TestServer.json(noKey).path("seq").asInt()).isEqualTo(3);
        assertThat(t.server.stores().log().read(room.id(), 0)).extracting(Event::seq).containsExactly(1L, 2L, 3L);
        assertThat(t.post(act, "", Map.of("Authorization", "Bearer " + seat.token(), "Idempotency-Key", "has space")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theRequestLogNamesRoutesButNoTokenCookieOrBody() throws Exception {
        Room room = room(true);
        Seat.Issued seat = t.server.stores().seats().add(room.id(), 0, "Union", Seat.Kind.PERSON);
        String signIn = TestServer.tokenOf(t.server.signInLink());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> secrets = new ArrayList<>(List.of(seat.token(), signIn, "a-private-body-value"));
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            HttpResponse<String> in = t.get("/signin?token=" + signIn, Map.of());
            TestServer.Credentials c = t.credentials(in);
            secrets.add(c.cookie().substring(c.cookie().indexOf('=') + 1));
            secrets.add(c.csrf());
            t.get("/join/" + seat.token(), Map.of());
            t.get("/api/rooms/" + room.publicId() + "/events", Map.of("Authorization", "Bearer " + seat.token()));
            t.post("/test/echo", "a-private-body-value", c.headers());
            t.get("/test/boom", Map.of());
            long deadline = System.currentTimeMillis() + 5000;
            while (!captured.toString(StandardCharsets.UTF_8).contains("GET /test/boom 500") && System.currentTimeMillis() < deadline) Thread.sleep(20);
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("GET /signin 303", "GET /join/{token} 303", "GET /api/rooms/{room}/events 200", "POST /test/echo 200");
        assertThat(log).as("a failure is logged by type and frames, without its message")
                .contains("java.lang.IllegalStateException (message withheld from the log)", "ServerHttpTest").doesNotContain("4711");
        for (String secret : secrets) assertThat(log).doesNotContain(secret);
    }

    private Room room(boolean open) {
        long convener = t.server.stores().conveners().ensureConvener();
        return t.server.stores().rooms().create(convener, "Labour contract", open, "waiting", Optional.empty(), "{}");
    }
}
