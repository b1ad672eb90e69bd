package org.pourparler.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.pourparler.server.rooms.RoomEndpoints;

/** A server on a free port over a fresh database, a clock the test moves, and a plain HTTP client. */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    public final PourparlerServer server;
    public final MovableClock clock;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** The room endpoints {@link #withRooms} started the server with, closed with it; null otherwise. */
    private RoomEndpoints rooms;

    private TestServer(PourparlerServer server, MovableClock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Starts a server over a fresh database of the vendor with the rooms, pages and studies (examples from ../examples); closing it closes them. */
    public static TestServer withRooms(String vendor) throws ServerException {
        RoomEndpoints rooms = new RoomEndpoints(Path.of("../examples"), Optional.empty());
        try {
            TestServer t = start(vendor, List.of(rooms));
            t.rooms = rooms;
            return t;
        } catch (ServerException | RuntimeException e) {
            rooms.close();
            throw e;
        }
    }

    /** Starts a server over a fresh database of the vendor. */
    public static TestServer start(String vendor, List<PourparlerServer.Extension> extensions) throws ServerException {
        return start(ServerConfig.defaults().withPort(0).withDatabase(TestDatabases.fresh(vendor)), extensions);
    }

    /** Starts a server with the configuration. */
    public static TestServer start(ServerConfig config, List<PourparlerServer.Extension> extensions) throws ServerException {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        return new TestServer(PourparlerServer.start(config, extensions, clock), clock);
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The token of a sign-in link. */
    public static String tokenOf(String signInLink) {
        return signInLink.substring(signInLink.indexOf("token=") + "token=".length());
    }

    /** Signs the convener in with this start's link: the session cookie value and its CSRF token. */
    public Credentials signIn() {
        HttpResponse<String> r = get("/signin?token=" + tokenOf(server.signInLink()), Map.of());
        if (r.statusCode() != 303) throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        return credentials(r);
    }

    /** The session cookie set by a response, and the CSRF token /api/me gives for it. */
    public Credentials credentials(HttpResponse<String> withCookie) {
        String setCookie = withCookie.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = json(get("/api/me", Map.of("Cookie", cookie))).path("csrfToken").asText();
        return new Credentials(cookie, csrf);
    }

    /** A session cookie ("name=value") and its CSRF token. */
    public record Credentials(String cookie, String csrf) {
        public Map<String, String> headers() { return Map.of("Cookie", cookie, "X-CSRF-Token", csrf); }

        public Map<String, String> cookieOnly() { return Map.of("Cookie", cookie); }
    }

    @Override
    public void close() {
        server.stop();
        if (rooms != null) rooms.close();
    }

    /** A clock that stands still until the test moves it. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) { now = new AtomicReference<>(start); }

        public void advance(Duration d) { now.updateAndGet(i -> i.plus(d)); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now.get(); }
    }
}
