package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.server.PourparlerServer;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.rooms.RoomEndpoints;

/**
 * The Python client for outside programs (clients/python) against a live server: it plays a full
 * room under every protocol against a built-in agent, and its own test suite runs with its live test
 * pointed at a fresh room. Needs python3; under CI=true its absence fails the build.
 */
class PythonClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT = Paths.get("../clients/python");

    private final HttpClient http = HttpClient.newHttpClient();
    private PourparlerServer server;
    private RoomEndpoints rooms;
    private URI base;
    private String cookie;
    private String csrf;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        boolean python = python() != null;
        if (!python && "true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but no python3 on the PATH: the client is not checked");
        Assumptions.assumeTrue(python, "no python3 on the PATH: the Python client is not checked");
        rooms = new RoomEndpoints(Paths.get("../examples"), Optional.empty());
        server = PourparlerServer.start(ServerConfig.defaults().withPort(0).withDatabase(dir.resolve("rooms.db").toString()), List.of(rooms));
        base = URI.create("http://127.0.0.1:" + server.port());
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(server.signInLink())).build(), HttpResponse.BodyHandlers.ofString());
        cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        csrf = JSON.readTree(send("GET", "/api/me", null).body()).get("csrfToken").asText();
    }

    @AfterEach
    void stop() {
        if (rooms != null) rooms.close();
        if (server != null) server.stop();
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, "python3"))) return Paths.get(dir, "python3").toString();
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A room of a program seat (the client) and a built-in agent; the room id and the program's token. */
    private String[] room(String protocol) throws Exception {
        String open = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"protocol\": \"" + protocol + "\","
                + " \"deadline\": {\"rounds\": 60}, \"seats\": [{\"kind\": \"program\"}, {\"kind\": \"agent\", \"agent\": \"conceder\"}]}}";
        HttpResponse<String> r = send("POST", "/api/rooms", open);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode o = JSON.readTree(r.body());
        return new String[] {o.get("room").asText(), o.get("seats").get(0).get("token").asText()};
    }

    private Process python(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(python()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theClientPlaysAFullRoomUnderEveryProtocol(@TempDir Path dir) throws Exception {
        for (String protocol : List.of("alternating", "single-text", "blind", "test-the-waters")) {
            String[] room = room(protocol);
            Path log = dir.resolve(protocol + ".txt");
            Process p = python(log, Map.of(), "pourparler_client.py", "--url", base.toString(), "--room=" + room[0], "--token=" + room[1]);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(protocol + " ends within a minute").isTrue();
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(protocol + ": " + out).isZero();
            JsonNode view = JSON.readTree(send("GET", "/api/rooms/" + room[0], null).body());
            assertThat(view.get("state").asText()).isEqualTo("ended");
            assertThat(out).contains("ending: " + view.get("ending").asText());
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theClientsOwnSuitePassesWithItsLiveTestOnThisServer(@TempDir Path dir) throws Exception {
        String[] room = room("alternating");
        Path log = dir.resolve("unittest.txt");
        Process p = python(log, Map.of("POURPARLER_URL", base.toString(), "POURPARLER_ROOM", room[0], "POURPARLER_TOKEN", room[1], "CI", "true"),
                "-m", "unittest", "discover", "-s", ".", "-p", "test_*.py");
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("OK").doesNotContain("skipped");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theClientEntersItsOwnProfileWhenTheSeatAsks(@TempDir Path dir) throws Exception {
        String open = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"protocol\": \"alternating\","
                + " \"deadline\": {\"rounds\": 40}, \"seats\": [{\"kind\": \"program\", \"profileByParty\": true}, {\"kind\": \"agent\", \"agent\": \"conceder\"}]}}";
        HttpResponse<String> r = send("POST", "/api/rooms", open);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode o = JSON.readTree(r.body());
        String room = o.get("room").asText();
        String token = o.get("seats").get(0).get("token").asText();
        // without a profile the client says what it needs, exit 2, and the room does not start
        Path log = dir.resolve("without.txt");
        Process p = python(log, Map.of(), "pourparler_client.py", "--url", base.toString(), "--room=" + room, "--token=" + token);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("--profile FILE");
        // with one: the bakery's profile of the example, with its reservation raised to a value of its own
        org.pourparler.model.Scenario s = org.pourparler.io.Scenarios.read(Path.of("..", "examples", "supplier-deal.yaml")).scenario();
        org.pourparler.model.Party bakery = s.parties().get(0);
        org.pourparler.model.Scenario alone = s.toBuilder().parties(List.of(org.pourparler.model.Party.negotiator(bakery.name(),
                bakery.profile().withReservation(0.4321)))).build();
        Path profile = dir.resolve("bakery.json");
        Files.writeString(profile, org.pourparler.io.pourparler.PourparlerFormat.toJson(alone));
        log = dir.resolve("with.txt");
        p = python(log, Map.of(), "pourparler_client.py", "--url", base.toString(), "--room=" + room, "--token=" + token, "--profile", profile.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode view = JSON.readTree(send("GET", "/api/rooms/" + room, null).body());
        assertThat(view.get("state").asText()).isEqualTo("ended");
        // the server holds the entered profile: the seat sees the reservation the file gave
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(base.resolve("/api/rooms/" + room)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(mine.body()).path("you").path("profile").path("reservation").asDouble()).isEqualTo(0.4321);
    }
}
