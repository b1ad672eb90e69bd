package org.pourparler.server;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client over java.net.http: parses the stream into events and comments on a thread of its own. */
public final class SseReader implements AutoCloseable {
    /** One dispatched event. */
    public record Received(String id, String event, String data) {}

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final Thread reader;

    public SseReader(TestServer t, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(t.uri(path)).header("Accept", "text/event-stream").GET();
        headers.forEach(b::header);
        response = t.http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(this::parse, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() { return response.statusCode(); }

    private void parse() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) events.add(new Received(id, event == null ? "message" : event, data.toString()));
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed under us: the test closed it, or the server stopped
        }
    }

    /** The next event, or null after the timeout. */
    public Received next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next comment line, or null after the timeout. */
    public String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the stream has ended (the server closed it). */
    public boolean ended(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() {
        response.body().close();
    }
}
