package org.pourparler.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.pourparler.server.TestServer;

/**
 * Research studies over HTTP, on SQLite and on PostgreSQL: the convener creates a study through the
 * form routes; three participants, each with a cookie jar of their own, open the one link and each get
 * a room of their own (re-opening it resumes the room); they play to the end through the page routes
 * and through the JSON API; each then sees a completion code of their own and the Continue link with the
 * code and their id; the convener's CSV has one row per participant; strangers read nothing; a revoked
 * link and a full study answer a plain sentence.
 */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class StudyTest {
    private static final Pattern LINK = Pattern.compile("value=\"(http[^\"]*/study/([A-Za-z0-9_-]{43}))\"");
    private static final Pattern STUDY = Pattern.compile("href=\"/studies/([A-Za-z0-9_-]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"completion-code\">([A-Z0-9]+)<");
    private static final Pattern CONTINUE = Pattern.compile("id=\"continue\" href=\"([^\"]*)\"");

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

    /** A participant: their cookie jar (one session cookie) and what the link gave them. */
    private record Participant(String pid, String cookie, String room) {
        Map<String, String> cookieOnly() { return Map.of("Cookie", cookie); }
    }

    @Test
    void threeParticipantsEachCompleteTheirOwnRoomAndTheCsvHasOneRowEach() throws Exception {
        // the form, then the study; a form without the CSRF token is refused
        HttpResponse<String> form = t.get("/studies/new", html(convener.cookieOnly()));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("supplier-deal#0").contains("Alternating offers").contains("for=\"redirect\"");
        Map<String, String> fields = studyForm("Bread study", "supplier-deal#0", "6", "conceder",
                "https://survey.example/end?code={code}&pid={pid}", "1000");
        assertThat(postForm("/studies", fields, convener.cookie(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> created = postForm("/studies", fields, convener.cookie(), convener.csrf());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher link = LINK.matcher(created.body());
        assertThat(link.find()).as(created.body()).isTrue();
        String token = link.group(2);
        Matcher studyId = STUDY.matcher(created.body());
        assertThat(studyId.find()).isTrue();
        String study = studyId.group(1);
        // the link is stored hashed: the study's pages never show it again
        assertThat(t.get("/studies/" + study, html(convener.cookieOnly())).body()).doesNotContain(token).contains("Bread study");
        assertThat(t.get("/studies", html(convener.cookieOnly())).body()).contains("Bread study");

        // three people open the link, each with a cookie jar of their own
        List<String> pids = List.of("P-1", "p 2&x=y", "=SUM(A1)");
        List<Participant> people = new ArrayList<>();
        for (String pid : pids) {
            HttpResponse<String> r = t.get("/study/" + token + "?pid=" + URLEncoder.encode(pid, StandardCharsets.UTF_8), html(Map.of()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            String location = r.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("/rooms/");
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            people.add(new Participant(pid, setCookie.substring(0, setCookie.indexOf(';')), location.substring("/rooms/".length())));
        }
        assertThat(people.stream().map(Participant::room).distinct()).hasSize(3);
        // opening it again with one's cookie resumes one's own room: no second room
        HttpResponse<String> again = t.get("/study/" + token, html(people.get(0).cookieOnly()));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo("/rooms/" + people.get(0).room());
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        // another participant's room is nobody else's
        assertThat(t.get("/rooms/" + people.get(1).room(), html(people.get(0).cookieOnly())).statusCode()).isEqualTo(404);
        // no code before the end
        HttpResponse<String> rules = t.get("/rooms/" + people.get(0).room(), html(people.get(0).cookieOnly()));
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.body()).doesNotContain("completion-code");

        // the first walks away through the page routes
        Participant first = people.get(0);
        String csrf0 = csrfOf(first);
        assertThat(postForm("/rooms/" + first.room() + "/join", Map.of("key", "j0"), first.cookie(), csrf0).statusCode()).isEqualTo(303);
        awaitMove(first);
        assertThat(postForm("/rooms/" + first.room() + "/act", Map.of("action", "end", "key", "a0"), first.cookie(), csrf0).statusCode())
                .isEqualTo(303);
        // the second offers, then accepts the agent's counter-offer, through the JSON API
        playThroughApi(people.get(1), true);
        // the third walks away through the JSON API
        playThroughApi(people.get(2), false);

        // each sees a code of their own and the Continue link carrying it and their id, URL-encoded
        Map<String, String> codes = new HashMap<>();
        for (Participant p : people) {
            String page = t.get("/rooms/" + p.room(), html(p.cookieOnly())).body();
            Matcher code = CODE.matcher(page);
            assertThat(code.find()).as(page).isTrue();
            assertThat(code.group(1)).hasSize(10).matches("[A-HJKMNP-Z2-9]+");
            Matcher cont = CONTINUE.matcher(page);
            assertThat(cont.find()).isTrue();
            assertThat(cont.group(1).replace("&amp;", "&")).isEqualTo("https://survey.example/end?code=" + code.group(1) + "&pid="
                    + URLEncoder.encode(p.pid(), StandardCharsets.UTF_8).replace("+", "%20"));
            codes.put(p.room(), code.group(1));
        }
        assertThat(new HashSet<>(codes.values())).hasSize(3);
        // the convener's console of a participant's room shows no code
        assertThat(t.get("/rooms/" + people.get(0).room(), html(convener.cookieOnly())).body()).doesNotContain(codes.get(people.get(0).room()));

        // the results: one row per participant, with their id, ending and code
        HttpResponse<String> csv = t.get("/studies/" + study + "/results.csv", convener.cookieOnly());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("participant,pid,room,joined_at,ended_at,ending,agreement,rounds,utility,payoff,payoff mill,completion_code");
        assertThat(lines).hasSize(4);
        for (int k = 0; k < 3; k++) {
            List<String> row = cells(lines.get(k + 1));
            Participant p = people.get(k);
            assertThat(row).hasSize(12);
            assertThat(row.get(0)).isEqualTo(Integer.toString(k + 1));
            assertThat(row.get(1)).isEqualTo(k == 2 ? "'" + p.pid() : p.pid());      // a formula is written as text
            assertThat(row.get(2)).isEqualTo(p.room());
            assertThat(row.get(4)).isNotEmpty();
            assertThat(row.get(5)).isEqualTo(k == 1 ? "agreement" : "ended by bakery");
            if (k == 1) assertThat(row.get(6)).contains("=").contains("; ");
            else assertThat(row.get(6)).isEmpty();
            assertThat(row.get(9)).isNotEmpty();
            assertThat(row.get(10)).isNotEmpty();
            assertThat(row.get(11)).isEqualTo(codes.get(p.room()));
        }

        // strangers read nothing: a participant's cookie, nobody, a wrong study
        for (Map<String, String> who : List.of(people.get(0).cookieOnly(), Map.<String, String>of())) {
            int status = t.get("/studies/" + study + "/results.csv", who).statusCode();
            assertThat(status).isIn(401, 403, 404);
            assertThat(t.get("/studies/" + study, html(who)).statusCode()).isIn(401, 403, 404);
        }
        assertThat(t.get("/studies/nosuchstudy/results.csv", convener.cookieOnly()).statusCode()).isEqualTo(404);

        // a new link revokes the old one
        HttpResponse<String> renewed = postForm("/studies/" + study + "/link", Map.of(), convener.cookie(), convener.csrf());
        assertThat(renewed.statusCode()).isEqualTo(200);
        Matcher newLink = LINK.matcher(renewed.body());
        assertThat(newLink.find()).isTrue();
        assertThat(newLink.group(2)).isNotEqualTo(token);
        HttpResponse<String> revoked = t.get("/study/" + token, html(Map.of()));
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(revoked.body()).contains("unknown or revoked");
        assertThat(t.get("/study/" + newLink.group(2), html(Map.of())).statusCode()).isEqualTo(303);
        // a participant id that is too long is refused in a sentence
        assertThat(t.get("/study/" + newLink.group(2) + "?pid=" + "x".repeat(101), html(Map.of())).statusCode()).isEqualTo(400);
    }

    @Test
    void aFullStudyOpensNoMoreRoomsAndAWrongFormSaysWhy() {
        HttpResponse<String> wrong = postForm("/studies", studyForm("Bad", "labour-contract#0", "0", "conceder", "", "1000"),
                convener.cookie(), convener.csrf());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Give each room a deadline");
        HttpResponse<String> badAgent = postForm("/studies", studyForm("Bad", "labour-contract#0", "3", "no-such-agent", "", "1000"),
                convener.cookie(), convener.csrf());
        assertThat(badAgent.statusCode()).isEqualTo(400);
        HttpResponse<String> badRedirect = postForm("/studies", studyForm("Bad", "labour-contract#0", "3", "conceder",
                "javascript:alert(1)//{code}", "1000"), convener.cookie(), convener.csrf());
        assertThat(badRedirect.statusCode()).isEqualTo(400);
        assertThat(badRedirect.body()).contains("redirect address");

        HttpResponse<String> created = postForm("/studies", studyForm("Small", "supplier-deal#1", "3", "boulware", "", "2"),
                convener.cookie(), convener.csrf());
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher link = LINK.matcher(created.body());
        assertThat(link.find()).isTrue();
        assertThat(t.get("/study/" + link.group(2), html(Map.of())).statusCode()).isEqualTo(303);
        assertThat(t.get("/study/" + link.group(2), html(Map.of())).statusCode()).isEqualTo(303);
        HttpResponse<String> full = t.get("/study/" + link.group(2), html(Map.of()));
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("This study is full");
        // the convener is not turned into a participant by opening the link
        assertThat(t.get("/study/" + link.group(2), html(convener.cookieOnly())).statusCode()).isEqualTo(409);
    }

    // ---- playing ----

    /** Joins, then (offer) offers and accepts the agent's counter-offer, or (else) walks away. */
    private void playThroughApi(Participant p, boolean offer) throws Exception {
        String csrf = csrfOf(p);
        Map<String, String> headers = new HashMap<>(Map.of("Cookie", p.cookie(), "X-CSRF-Token", csrf, "Content-Type", "application/json"));
        HttpResponse<String> joined = t.post("/api/rooms/" + p.room() + "/join", "", headers);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        boolean offered = false;
        for (int step = 0; step < 40; step++) {
            JsonNode view = TestServer.json(t.get("/api/rooms/" + p.room(), p.cookieOnly()));
            if (view.get("state").asText().equals("ended")) {
                // an improvement after the deal is answered (declined) first: the code appears after that
                if (view.has("improvement") && !view.has("improved")) {
                    HttpResponse<String> answered = t.post("/api/rooms/" + p.room() + "/improvement", "{\"accept\": false}", headers);
                    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
                }
                return;
            }
            if (!view.path("you").path("awaited").asBoolean()) {
                Thread.sleep(50);
                continue;
            }
            ObjectNode body = TestServer.JSON.createObjectNode();
            ObjectNode action = body.putObject("action");
            if (!offer) {
                action.put("type", "end");
            } else if (offered && view.has("standingOffer")) {
                action.put("type", "accept");
            } else {
                action.put("type", "offer");
                ObjectNode outcome = action.putObject("outcome");
                for (JsonNode issue : view.get("issues")) outcome.put(issue.get("name").asText(), issue.get("options").get(0).asText());
                offered = true;
            }
            HttpResponse<String> acted = t.post("/api/rooms/" + p.room() + "/actions", body.toString(), headers);
            assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
        }
        throw new AssertionError("the room did not end");
    }

    private void awaitMove(Participant p) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (TestServer.json(t.get("/api/rooms/" + p.room(), p.cookieOnly())).path("you").path("awaited").asBoolean()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("never the participant's move");
    }

    private String csrfOf(Participant p) {
        return TestServer.json(t.get("/api/me", p.cookieOnly())).path("csrfToken").asText();
    }

    // ---- forms and files ----

    private static Map<String, String> studyForm(String title, String participant, String rounds, String agent, String redirect, String max) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("participant", participant);
        f.put("protocol", "alternating");
        f.put("rounds", rounds);
        f.put("minutes", "0");
        f.put("agent", agent);
        f.put("redirect", redirect);
        f.put("maxRooms", max);
        return f;
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie, String csrf) {
        StringBuilder b = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) all.put("csrf", csrf);
        all.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return t.post(path, b.toString(), Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
    }

    private static Map<String, String> html(Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("Accept", "text/html");
        return h;
    }

    /** One CSV line's cells (RFC 4180: quoted cells may hold commas and doubled quotes). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
