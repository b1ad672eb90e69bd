package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} process killed with SIGKILL at random moments while two programs act in a room
 * as fast as they can, and restarted, again and again. Each program retries an unanswered request with
 * the same Idempotency-Key until it is answered. Afterwards the log holds every acknowledged action
 * exactly once, in order, and the room and its wall-clock deadline are as they were.
 */
class DurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI base;

    private Process start(Path dir) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "org.pourparler.cli.Main",
                "serve", "--port", "0", "--db", dir.resolve("rooms.db").toString(), "--examples", Paths.get("../examples").toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains("/signin?token=")) {
                link = line.trim();
                base = URI.create(link.substring(0, link.indexOf("/signin")));
                return p;
            }
        }
        throw new AssertionError("serve printed no sign-in link");
    }

    private String link;

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request, retried with the same headers (and so the same key) until the server answers it. */
    private HttpResponse<String> untilAnswered(String method, String path, String body, String... headers) throws InterruptedException {
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; ) {
            try {
                HttpResponse<String> r = send(method, path, body, headers);
                if (r.statusCode() != 503) return r;
            } catch (IOException e) {
                // killed mid-request: wait for the restart, then ask again with the same key
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer to " + method + " " + path + " within a minute");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyAcknowledgedActionSurvivesSigkillExactlyOnce(@TempDir Path dir) throws Exception {
        Process p = start(dir);
        try {
            HttpResponse<String> signIn = send("GET", link.substring(link.indexOf("/signin")), null);
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = JSON.readTree(send("GET", "/api/me", null, "Cookie", cookie).body()).get("csrfToken").asText();
            String open = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"deadline\": {\"rounds\": 100000, \"seconds\": 604800},"
                    + " \"mediation\": \"open\", \"seats\": [{\"kind\": \"program\"}, {\"kind\": \"program\"}]}}";
            JsonNode room = JSON.readTree(send("POST", "/api/rooms", open, "Cookie", cookie, "X-CSRF-Token", csrf).body());
            String id = room.get("room").asText();
            String[] tokens = {room.get("seats").get(0).get("token").asText(), room.get("seats").get(1).get("token").asText()};
            for (String token : tokens) assertThat(send("POST", "/api/rooms/" + id + "/join", "", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            String deadlineAt = JSON.readTree(send("GET", "/api/rooms/" + id, null, "Cookie", cookie).body()).get("deadlineAt").asText();

            // the programs: seats take turns offering prices 18.00, 18.25, ... as fast as they can
            List<String> acknowledged = new ArrayList<>();
            Thread programs = new Thread(() -> {
                try {
                    for (int i = 0; i < 100_000 && !Thread.currentThread().isInterrupted(); i++) {
                        String price = String.valueOf(18 + 0.25 * (i % 25)).replaceAll("\\.0$", "");
                        String offer = "{\"action\": {\"type\": \"offer\", \"outcome\": {\"unit price\": \"" + price
                                + "\", \"volume\": \"" + (2 + i % 7) + "\", \"delivery\": \"weekly\", \"payment\": \"30 days\"}}}";
                        HttpResponse<String> r = untilAnswered("POST", "/api/rooms/" + id + "/actions", offer,
                                "Authorization", "Bearer " + tokens[i % 2], "Idempotency-Key", "offer-" + i, "Content-Type", "application/json");
                        if (r.statusCode() != 200) throw new AssertionError("offer " + i + ": " + r.statusCode() + " " + r.body());
                        synchronized (acknowledged) {
                            acknowledged.add(price + "/" + (2 + i % 7));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            programs.start();
            Random random = new Random(42);
            for (int kill = 0; kill < 6; kill++) {
                Thread.sleep(300 + random.nextInt(900));
                p.destroyForcibly().waitFor();             // SIGKILL: no shutdown hook runs
                p = start(dir);
            }
            Thread.sleep(500);
            programs.interrupt();
            programs.join(60_000);
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p = start(dir);

            List<String> logged = new ArrayList<>();
            JsonNode events = JSON.readTree(send("GET", "/api/rooms/" + id + "/events", null, "Cookie", cookie).body());
            for (JsonNode e : events) {
                if (!e.get("type").asText().equals("acted")) continue;
                JsonNode o = e.get("payload").get("action").get("outcome");
                logged.add(o.get("unit price").asText() + "/" + o.get("volume").asText());
            }
            List<String> acked;
            synchronized (acknowledged) {
                acked = List.copyOf(acknowledged);
            }
            assertThat(acked.size()).as("actions acknowledged across 6 kills").isGreaterThan(20);
            // every acknowledged action once, in order; at most the one in flight at the end beyond them
            assertThat(logged.subList(0, acked.size())).isEqualTo(acked);
            assertThat(logged.size()).isBetween(acked.size(), acked.size() + 1);
            JsonNode after = JSON.readTree(send("GET", "/api/rooms/" + id, null, "Cookie", cookie).body());
            assertThat(after.get("state").asText()).isEqualTo("negotiating");
            assertThat(after.get("deadlineAt").asText()).isEqualTo(deadlineAt);
            assertThat(after.get("offers")).hasSize(logged.size());
        } finally {
            p.destroyForcibly();
        }
    }
}
