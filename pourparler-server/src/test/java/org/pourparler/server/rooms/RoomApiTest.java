package org.pourparler.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.pourparler.agents.Agents;
import org.pourparler.io.ResultsJson;
import org.pourparler.io.RoomJson;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Domain;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.room.Room;
import org.pourparler.room.RoomSpec;
import org.pourparler.server.TestServer;

/**
 * Live rooms through the HTTP API, on SQLite and on PostgreSQL: for each protocol, two outside
 * programs (scripted by agents that read a local copy of their seat's view) play a room to its end,
 * and the server's agreement, ending and payoffs are those {@link Session#run} gives with the same
 * agents and seed; retried requests never act twice; no seat receives another's private events.
 */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class RoomApiTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @Parameter
    String vendor;

    TestServer t;
    TestServer.Credentials convener;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.withRooms(vendor);
        convener = t.signIn();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    @Test
    void everyProtocolPlayedThroughTheApiEndsAsTheSimulation() throws Exception {
        playEveryProtocol(t, convener, t, t);
    }

    /**
     * Opens a room per protocol on {@code opener} and plays it with each seat's requests sent to its
     * own server (one server, or two sharing a database); checks the result against the simulation.
     */
    static void playEveryProtocol(TestServer opener, TestServer.Credentials convener, TestServer seat0, TestServer seat1) throws Exception {
        TestServer t = opener;
        TestServer[] servers = {seat0, seat1};
        Scenario scenario = Scenarios.read(EXAMPLES.resolve("labour-contract.yaml")).scenario();
        Domain d = scenario.domain();
        List<String> specs = List.of("boulware", "conceder");
        for (Protocol protocol : Protocol.values()) {
            ObjectNode settings = TestServer.JSON.createObjectNode();
            settings.put("protocol", protocol.id()).put("seed", 7).putObject("deadline").put("rounds", 40);
            settings.putArray("seats").add(TestServer.JSON.createObjectNode().put("kind", "program"))
                    .add(TestServer.JSON.createObjectNode().put("kind", "program"));
            ObjectNode open = TestServer.JSON.createObjectNode();
            open.putObject("scenario").put("example", "labour-contract");
            open.set("settings", settings);
            HttpResponse<String> opened = t.post("/api/rooms", open.toString(), convener.headers());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            JsonNode o = TestServer.json(opened);
            String room = o.get("room").asText();
            List<String> tokens = List.of(o.get("seats").get(0).get("token").asText(), o.get("seats").get(1).get("token").asText());

            SessionResult simulated = Session.run(scenario, specs.stream().map(Agents::create).toList(),
                    new org.pourparler.negotiation.Deadline(40, 0), Session.Options.defaults().withProtocol(protocol).withSeed(7).withMetrics(false));

            // the programs' minds: agents reading a local room that receives the same actions
            RoomSpec spec = RoomJson.spec(settings, scenario);
            Room mirror = Room.open(spec);
            Instant now = Instant.parse("2026-12-01T12:00:00Z");
            for (int j = 0; j < 2; j++) {
                HttpResponse<String> joined = servers[j].post("/api/rooms/" + room + "/join", "", bearer(tokens.get(j)));
                assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
                mirror.join(j, now);
            }
            List<Negotiator> agents = specs.stream().map(Agents::create).toList();
            for (int j = 0; j < 2; j++) agents.get(j).start(mirror.view(j).orElseThrow());
            Random arrival = new Random(protocol.ordinal());
            boolean retried = false;
            for (int steps = 0; ; steps++) {
                assertThat(steps).isLessThan(500);
                JsonNode view = TestServer.json(t.get("/api/rooms/" + room, bearer(tokens.get(0))));
                if (!view.get("state").asText().equals("negotiating")) break;
                List<Integer> awaiting = new ArrayList<>();
                view.get("awaiting").forEach(n -> awaiting.add(n.asInt()));
                int j = awaiting.get(arrival.nextInt(awaiting.size()));
                Action a = agents.get(j).act(mirror.view(j).orElseThrow());
                mirror.act(j, a, now);
                ObjectNode body = TestServer.JSON.createObjectNode();
                body.set("action", RoomJson.action(d, a));
                Map<String, String> headers = new HashMap<>(bearer(tokens.get(j)));
                headers.put("Idempotency-Key", UUID.randomUUID().toString());
                HttpResponse<String> acted = servers[j].post("/api/rooms/" + room + "/actions", body.toString(), headers);
                assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
                if (!retried) {   // the same request again: the same answer, nothing applied twice
                    HttpResponse<String> again = servers[j].post("/api/rooms/" + room + "/actions", body.toString(), headers);
                    assertThat(again.statusCode()).isEqualTo(200);
                    assertThat(again.body()).isEqualTo(acted.body());
                    retried = true;
                }
            }
            JsonNode end = TestServer.json(t.get("/api/rooms/" + room, bearer(tokens.get(1))));
            assertThat(end.get("state").asText()).isEqualTo("ended");
            assertThat(end.get("ending").asText()).as(protocol.id()).isEqualTo(simulated.ending().toString());
            if (simulated.agreement().isPresent()) {
                assertThat(TestServer.JSON.convertValue(end.get("agreement"), Map.class))
                        .isEqualTo(ResultsJson.outcome(d, simulated.agreement().get()));
            } else {
                assertThat(end.has("agreement")).isFalse();
            }
            for (int j = 0; j < 2; j++) {
                JsonNode events = TestServer.json(servers[j].get("/api/rooms/" + room + "/events", bearer(tokens.get(j))));
                double payoff = Double.NaN;
                for (JsonNode e : events) {
                    String audience = e.get("audience").asText();
                    assertThat(audience).as("seat " + j + " sees " + e).isIn("all", "seat:" + j, "seat:" + j + "+mediator");
                    if (e.get("type").asText().equals("payoff")) {
                        JsonNode p = payload(e);
                        assertThat(p.get("seat").asInt()).isEqualTo(j);
                        payoff = p.get("payoff").asDouble();
                    }
                }
                int party = scenario.parties().indexOf(scenario.negotiators().get(j));
                assertThat(payoff).as(protocol.id() + " seat " + j).isEqualTo(simulated.payoffs()[party]);
            }
        }
    }

    private static JsonNode payload(JsonNode event) throws Exception {
        JsonNode p = event.get("payload");
        return p.isTextual() ? TestServer.JSON.readTree(p.asText()) : p;
    }

    @Test
    void aStrangerAndARevokedTokenSeeNothingAndARefusedActionIsAPlainSentence() throws Exception {
        String body = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"deadline\": {\"rounds\": 10},"
                + " \"seats\": [{\"kind\": \"program\"}, {\"kind\": \"agent\", \"agent\": \"boulware\"}]}}";
        JsonNode o = TestServer.json(t.post("/api/rooms", body, convener.headers()));
        String room = o.get("room").asText();
        String token = o.get("seats").get(0).get("token").asText();
        assertThat(t.get("/api/rooms/" + room, Map.of()).statusCode()).isEqualTo(401);
        assertThat(t.get("/api/rooms/" + room, bearer("not-a-token")).statusCode()).isEqualTo(401);
        HttpResponse<String> early = t.post("/api/rooms/" + room + "/actions", "{\"action\": {\"type\": \"end\"}}", bearer(token));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(early).get("error").asText()).isEqualTo("bakery has not joined");
        assertThat(t.post("/api/rooms/" + room + "/join", "", bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = t.post("/api/rooms/" + room + "/actions", "{\"action\": {\"type\": \"offer\", \"outcome\": {}}}", bearer(token));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(bad).get("error").asText()).startsWith("\"action\": \"outcome\" has no option for issue");
        // the convener issues a new token: the old one is refused from then on
        HttpResponse<String> reissued = t.post("/api/rooms/" + room + "/seats/0/token", "", convener.headers());
        assertThat(reissued.statusCode()).isEqualTo(201);
        assertThat(t.get("/api/rooms/" + room, bearer(token)).statusCode()).isEqualTo(401);
        String fresh = TestServer.json(reissued).get("token").asText();
        assertThat(TestServer.json(t.get("/api/rooms/" + room, bearer(fresh))).get("you").get("seat").asInt()).isZero();
        // a move: in a blind room its private record (the seat's own action) is not the convener's to see
        String offer = "{\"action\": {\"type\": \"offer\", \"outcome\": {\"unit price\": \"21\", \"volume\": \"5\","
                + " \"delivery\": \"weekly\", \"payment\": \"30 days\"}}}";
        HttpResponse<String> acted = t.post("/api/rooms/" + room + "/actions", offer, bearer(fresh));
        assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
        HttpResponse<String> export = t.get("/api/rooms/" + room + "/export", convener.cookieOnly());
        assertThat(export.statusCode()).isEqualTo(200);
        RoomJson.Export read = RoomJson.readExport(export.body());
        assertThat(read.complete()).isFalse();     // a blind room: the convener never sees a seat's own moves
    }

    @Test
    void theOpenApiFileIsServedAndNamesEveryRoomEndpoint() throws Exception {
        HttpResponse<String> r = t.get("/openapi.json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = TestServer.json(r).get("paths");
        for (String path : List.of("/api/rooms", "/api/rooms/{room}", "/api/rooms/{room}/actions", "/api/rooms/{room}/stream",
                "/api/rooms/{room}/export", "/api/me", "/api/health")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void aWallClockDeadlineEndsTheRoomOnTheServersClock() throws Exception {
        String body = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"deadline\": {\"seconds\": 3600},"
                + " \"mediation\": \"open\", \"seats\": [{\"kind\": \"program\"}, {\"kind\": \"program\"}]}}";
        JsonNode o = TestServer.json(t.post("/api/rooms", body, convener.headers()));
        String room = o.get("room").asText();
        for (int j = 0; j < 2; j++) t.post("/api/rooms/" + room + "/join", "", bearer(o.get("seats").get(j).get("token").asText()));
        JsonNode view = TestServer.json(t.get("/api/rooms/" + room, convener.cookieOnly()));
        assertThat(view.get("deadlineAt").asText()).isEqualTo("2026-12-01T13:00:00Z");
        assertThat(view.get("profiles")).hasSize(2);       // an open room shows the convener every profile
        t.clock.advance(Duration.ofMinutes(61));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!TestServer.json(t.get("/api/rooms/" + room, convener.cookieOnly())).get("state").asText().equals("ended")) {
            assertThat(System.nanoTime()).as("the room clock ends the room").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(TestServer.json(t.get("/api/rooms/" + room, convener.cookieOnly())).get("ending").asText()).isEqualTo("deadline");
        RoomJson.Export export = RoomJson.readExport(t.get("/api/rooms/" + room + "/export", convener.cookieOnly()).body());
        assertThat(export.complete()).isTrue();
        List<org.pourparler.room.RoomEvent> events = export.events().stream().map(RoomJson.Logged::event).toList();
        assertThat(Room.replay(export.spec(), events).state()).isEqualTo(Room.State.ENDED);
    }
}
