package org.pourparler.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.SseReader;
import org.pourparler.server.TestDatabases;
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Seat;

/** The live stream through a real HTTP client: replay, resumption, live events, the audience filter, heartbeats. */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class EventStreamTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration QUIET = Duration.ofMillis(700);

    @Parameter
    String vendor;

    TestServer t;
    Room room;
    Seat.Issued seat0;
    Seat.Issued seat1;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(TestDatabases.fresh(vendor))
                .withHeartbeat(Duration.ofMillis(200)), List.of());
        long convener = t.server.stores().conveners().ensureConvener();
        room = t.server.stores().rooms().create(convener, "stream", false, "running", Optional.empty(), "{}");
        seat0 = t.server.stores().seats().add(room.id(), 0, "A", Seat.Kind.PROGRAM);
        seat1 = t.server.stores().seats().add(room.id(), 1, "B", Seat.Kind.PROGRAM);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void aClientThatResumesWithLastEventIdGetsExactlyTheRestThenLiveEvents() throws Exception {
        append(0, 5, Audience.all());
        String path = "/api/rooms/" + room.publicId() + "/stream";
        List<String> firstIds = new ArrayList<>();
        try (SseReader first = new SseReader(t, path, bearer(seat0))) {
            assertThat(first.status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                SseReader.Received e = first.next(WAIT);
                assertThat(e).isNotNull();
                firstIds.add(e.id());
                assertThat(e.event()).isEqualTo("offer");
                JsonNode data = TestServer.JSON.readTree(e.data());
                assertThat(data.path("seq").asLong()).isEqualTo(Long.parseLong(e.id()));
                assertThat(data.path("payload").path("n").asInt()).isEqualTo(i + 1);
                assertThat(data.path("seat").asInt()).isZero();
            }
        }
        assertThat(firstIds).containsExactly("1", "2", "3");

        try (SseReader resumed = new SseReader(t, path, Map.of("Authorization", "Bearer " + seat0.token(), "Last-Event-ID", "3"))) {
            assertThat(resumed.next(WAIT).id()).isEqualTo("4");
            assertThat(resumed.next(WAIT).id()).isEqualTo("5");
            assertThat(resumed.next(QUIET)).as("nothing more than the rest").isNull();
            append(5, 1, Audience.all());
            SseReader.Received live = resumed.next(WAIT);
            assertThat(live).isNotNull();
            assertThat(live.id()).isEqualTo("6");
            assertThat(resumed.next(QUIET)).isNull();
        }
    }

    @Test
    void afterInTheQueryResumesLikeTheHeader() throws Exception {
        append(0, 4, Audience.all());
        try (SseReader r = new SseReader(t, "/api/rooms/" + room.publicId() + "/stream?after=2", bearer(seat1))) {
            assertThat(r.next(WAIT).id()).isEqualTo("3");
            assertThat(r.next(WAIT).id()).isEqualTo("4");
            assertThat(r.next(QUIET)).isNull();
        }
    }

    @Test
    void aSeatsStreamCarriesOnlyWhatItsAudienceAdmitsLiveToo() throws Exception {
        String path = "/api/rooms/" + room.publicId() + "/stream";
        try (SseReader zero = new SseReader(t, path, bearer(seat0)); SseReader one = new SseReader(t, path, bearer(seat1))) {
            t.server.stores().log().append(room.id(), 0, List.of(
                    NewEvent.of(0, "profile", "{\"secret\":\"seat0-only\"}", Audience.seat(0)),
                    NewEvent.of(1, "profile", "{\"secret\":\"seat1-only\"}", Audience.seat(1)),
                    NewEvent.of(NewEvent.ROOM, "note", "{}", Audience.mediator()),
                    NewEvent.of(NewEvent.ROOM, "started", "{}", Audience.all())));
            assertThat(zero.next(WAIT).data()).contains("seat0-only");
            assertThat(zero.next(WAIT).event()).isEqualTo("started");
            assertThat(zero.next(QUIET)).isNull();
            assertThat(one.next(WAIT).data()).contains("seat1-only");
            assertThat(one.next(WAIT).event()).isEqualTo("started");
            assertThat(one.next(QUIET)).isNull();
        }
    }

    @Test
    void aQuietStreamSendsHeartbeatComments() throws Exception {
        try (SseReader r = new SseReader(t, "/api/rooms/" + room.publicId() + "/stream", bearer(seat0))) {
            assertThat(r.nextComment(WAIT)).isEqualTo("heartbeat");
            assertThat(r.nextComment(WAIT)).isEqualTo("heartbeat");
        }
    }

    @Test
    void aClientThatGoesAwayFreesItsStreamAtTheNextHeartbeat() throws Exception {
        SseReader r = new SseReader(t, "/api/rooms/" + room.publicId() + "/stream", bearer(seat0));
        assertThat(r.nextComment(WAIT)).isNotNull();
        assertThat(t.server.streams().openStreams()).isEqualTo(1);
        r.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (t.server.streams().openStreams() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(t.server.streams().openStreams()).isZero();
    }

    @Test
    void aMalformedLastEventIdIsA400() {
        var r = t.get("/api/rooms/" + room.publicId() + "/stream",
                Map.of("Authorization", "Bearer " + seat0.token(), "Accept", "text/event-stream", "Last-Event-ID", "-1"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(r).path("error").asText()).contains("Last-Event-ID");
    }

    @Test
    void stoppingTheServerEndsOpenStreamsPromptly() throws Exception {
        SseReader r = new SseReader(t, "/api/rooms/" + room.publicId() + "/stream", bearer(seat0));
        assertThat(r.nextComment(WAIT)).isNotNull();
        long start = System.nanoTime();
        t.server.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.ended(WAIT)).isTrue();
    }

    private void append(long after, int count, Audience audience) throws Exception {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) events.add(NewEvent.of(0, "offer", "{\"n\":" + (after + i) + "}", audience));
        t.server.stores().log().append(room.id(), after, events);
    }

    private static Map<String, String> bearer(Seat.Issued seat) {
        return Map.of("Authorization", "Bearer " + seat.token());
    }
}
