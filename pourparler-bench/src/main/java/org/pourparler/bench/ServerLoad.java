package org.pourparler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live server under load (not a JMH benchmark: a client against a running {@code serve}, driven by
 * bench/server-load): opens {@code rooms} rooms of two program seats, makes {@code active} of them
 * busy — the two seats offer in turn as fast as they can, each answering the other's offer the moment
 * its stream brings it — and measures actions per second and the latency from one seat's request to
 * the other seat's event on its Server-Sent Events stream.
 *
 * <p>Usage: {@code ServerLoad SIGN_IN_LINK [rooms] [active] [warm-up seconds] [seconds]}
 */
public final class ServerLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PACKAGES = {
        "{\"unit price\": \"24\", \"volume\": \"8\", \"delivery\": \"weekly\", \"payment\": \"on delivery\"}",
        "{\"unit price\": \"18\", \"volume\": \"2\", \"delivery\": \"monthly\", \"payment\": \"60 days\"}"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong actions = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong errors = new AtomicLong();

    private ServerLoad(URI base) { this.base = base; }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ServerLoad SIGN_IN_LINK [rooms=1000] [active=200] [warm-up=10] [seconds=30]");
            System.exit(2);
        }
        String link = args[0];
        int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int active = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        new ServerLoad(URI.create(link.substring(0, link.indexOf("/signin")))).run(link, rooms, active, warmUp, seconds);
    }

    private void run(String link, int roomCount, int active, int warmUp, int seconds) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(get("/api/me", "Cookie", cookie).body()).get("csrfToken").asText();
        long t0 = System.nanoTime();
        List<String[]> rooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            String open = "{\"scenario\": {\"example\": \"supplier-deal\"}, \"settings\": {\"title\": \"load " + r + "\", "
                    + "\"deadline\": {\"rounds\": 1000000}, \"seats\": [{\"kind\": \"program\"}, {\"kind\": \"program\"}]}}";
            JsonNode o = JSON.readTree(post("/api/rooms", open, "Cookie", cookie, "X-CSRF-Token", csrf).body());
            rooms.add(new String[] {o.get("room").asText(), o.get("seats").get(0).get("token").asText(), o.get("seats").get(1).get("token").asText()});
        }
        System.out.printf(Locale.ROOT, "opened %d rooms in %.1f s%n", roomCount, (System.nanoTime() - t0) / 1e9);
        List<Pair> pairs = new ArrayList<>();
        for (int r = 0; r < active; r++) {
            String[] room = rooms.get(r);
            for (int j = 0; j < 2; j++) post("/api/rooms/" + room[0] + "/join", "", "Authorization", "Bearer " + room[1 + j]);
            Pair p = new Pair(room[0], room[1], room[2]);
            p.listen();
            pairs.add(p);
        }
        Thread.sleep(1000);                                     // the streams are open
        for (Pair p : pairs) p.offer(0);
        Thread.sleep(warmUp * 1000L);
        latencies.clear();
        actions.set(0);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stopping.set(true);
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(l);
        System.out.printf(Locale.ROOT, "%d rooms open, %d active (2 seats each), %d s measured after %d s of warm-up%n", roomCount, active, seconds, warmUp);
        System.out.printf(Locale.ROOT, "actions per second: %.0f%n", actions.get() / elapsed);
        if (l.length > 0) {
            System.out.printf(Locale.ROOT, "latency, one seat's request to the other seat's event: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n",
                    l[l.length / 2] / 1e6, l[(int) Math.min(l.length - 1, Math.floor(l.length * 0.99))] / 1e6, l[l.length - 1] / 1e6, l.length);
        }
        System.out.printf(Locale.ROOT, "errors: %d%n", errors.get());
        System.exit(0);
    }

    /** The two seats of one busy room. */
    private final class Pair {
        final String room;
        final String[] tokens;
        /** When each seat sent its last offer (nanoTime), for the other seat's stream to measure. */
        final java.util.concurrent.atomic.AtomicLongArray sent = new java.util.concurrent.atomic.AtomicLongArray(2);

        Pair(String room, String token0, String token1) {
            this.room = room;
            this.tokens = new String[] {token0, token1};
        }

        void listen() {
            for (int j = 0; j < 2; j++) {
                int seat = j;
                HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/rooms/" + room + "/stream"))
                        .header("Authorization", "Bearer " + tokens[j]).header("Accept", "text/event-stream").build();
                http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(line -> onLine(seat, line))));
            }
        }

        /** A move by the other seat reaching this seat's stream: measure, then answer it. */
        private void onLine(int seat, String line) {
            if (!line.startsWith("data:")) return;
            try {
                JsonNode e = JSON.readTree(line.substring(5).trim());
                if (!e.path("type").asText().equals("move")) return;
                JsonNode p = e.get("payload");
                int party = p.get("party").asInt();
                if (party == seat || !p.get("action").asText().equals("offer")) return;
                long latency = System.nanoTime() - sent.get(party);
                if (measuring.get()) latencies.add(latency);
                if (!stopping.get()) offer(seat);
            } catch (Exception ex) {
                errors.incrementAndGet();
            }
        }

        void offer(int seat) {
            String body = "{\"action\": {\"type\": \"offer\", \"outcome\": " + PACKAGES[seat] + "}}";
            sent.set(seat, System.nanoTime());
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/rooms/" + room + "/actions"))
                    .header("Authorization", "Bearer " + tokens[seat]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
            f.whenComplete((r, ex) -> {
                if (ex != null || r.statusCode() != 200) errors.incrementAndGet();
                else if (measuring.get()) actions.incrementAndGet();
            });
        }
    }

    /** Hands each line of a stream to a consumer. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final java.util.function.Consumer<String> consumer;

        Lines(java.util.function.Consumer<String> consumer) { this.consumer = consumer; }

        @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }

        @Override public void onNext(String line) { consumer.accept(line); }

        @Override public void onError(Throwable t) { }

        @Override public void onComplete() { }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        return r;
    }
}
