package org.pourparler.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Event;

/**
 * The page routes over HTTP, on SQLite and PostgreSQL: two people acting at the same instant through
 * their pages' forms leave a room consistent (each bid applied once, the round resolved once), a form
 * sent twice acts once, and a refused move is a plain sentence in the answered page, not a changed room.
 */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class RoomPagesTest {

    @Parameter
    String vendor;

    TestServer t;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.withRooms(vendor);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void twoPeopleActingAtOnceAndAFormSentTwiceLeaveTheRoomConsistent() throws Exception {
        TestServer.Credentials convener = t.signIn();
        ObjectNode open = TestServer.JSON.createObjectNode();
        open.putObject("scenario").put("example", "supplier-deal");
        ObjectNode settings = open.putObject("settings").put("protocol", "blind");
        settings.putObject("deadline").put("rounds", 10);
        settings.putArray("seats").add(TestServer.JSON.createObjectNode().put("kind", "person")).add(TestServer.JSON.createObjectNode().put("kind", "person"));
        HttpResponse<String> opened = t.post("/api/rooms", open.toString(), convener.headers());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode o = TestServer.json(opened);
        String room = o.get("room").asText();
        List<TestServer.Credentials> people = new ArrayList<>();
        for (JsonNode seat : o.get("seats")) {
            String invite = seat.get("invite").asText();
            people.add(t.credentials(t.get(invite.substring(invite.indexOf("/join/")), Map.of())));
        }
        for (TestServer.Credentials p : people) {
            HttpResponse<String> joined = form(p, "/rooms/" + room + "/join", Map.of("key", "join"));
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        }

        // both bid at the same instant, from their pages, each with a proposal the other accepts (a threshold of 0)
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            TestServer.Credentials p = people.get(j);
            Map<String, String> bid = new LinkedHashMap<>(Map.of("action", "bid", "key", "bid-" + j, "acceptKind", "threshold", "atLeast", "0"));
            for (int i = 0; i < 4; i++) bid.put("issue-" + i, Integer.toString(j));
            answers.add(pool.submit((Callable<HttpResponse<String>>) () -> form(p, "/rooms/" + room + "/act", bid)));
        }
        for (Future<HttpResponse<String>> a : answers) assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(200);
        pool.shutdown();
        // a message form sent twice (a double click) sends one message; the answer is a fresh form and the list
        for (int k = 0; k < 2; k++) {
            HttpResponse<String> sent = form(people.get(0), "/rooms/" + room + "/message", Map.of("to", "mediator", "text", "hello there", "key", "m-1"));
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).contains("hello there").contains("name=\"key\"").doesNotContain("m-1\"");
        }
        // the same form again (a double click, a re-sent page): nothing more happens
        Map<String, String> again = new LinkedHashMap<>(Map.of("action", "bid", "key", "bid-0", "acceptKind", "threshold", "atLeast", "0"));
        for (int i = 0; i < 4; i++) again.put("issue-" + i, "0");
        assertThat(form(people.get(0), "/rooms/" + room + "/act", again).statusCode()).isEqualTo(200);

        long id = t.server.stores().rooms().find(room).orElseThrow().id();
        List<Event> log = t.server.stores().log().read(id, 0);
        assertThat(log.stream().filter(e -> e.type().equals("acted"))).hasSize(2);
        assertThat(log.stream().filter(e -> e.type().equals("message"))).hasSize(1);
        assertThat(log.stream().filter(e -> e.type().equals("ended"))).hasSize(1);
        for (int k = 0; k < log.size(); k++) assertThat(log.get(k).seq()).isEqualTo(k + 1L);
        // the room's page says how it ended, to each
        for (TestServer.Credentials p : people) {
            String page = t.get("/rooms/" + room, Map.of("Cookie", p.cookie(), "Accept", "text/html")).body();
            assertThat(page).contains("The negotiation is over").contains("Agreement.");
        }

        // a refused move (the negotiation is over) is a plain sentence in the page, and the room does not change
        HttpResponse<String> late = form(people.get(1), "/rooms/" + room + "/act", Map.of("action", "end", "key", "late"));
        assertThat(late.body()).contains("class=\"error\"").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(t.server.stores().log().read(id, 0)).hasSize(log.size());
    }

    /** A page's form, as htmx sends it: urlencoded, with the CSRF field, answered with the page's live part. */
    private HttpResponse<String> form(TestServer.Credentials p, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("csrf=" + enc(p.csrf()));
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        return t.post(path, body.toString(), Map.of("Cookie", p.cookie(), "Content-Type", "application/x-www-form-urlencoded",
                "HX-Request", "true", "Accept", "text/html"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
