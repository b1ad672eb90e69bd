package org.pourparler.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.pourparler.server.PourparlerServer;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.SseReader;
import org.pourparler.server.TestDatabases;
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Event;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.PostgresEventBus;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Seat;

/** Two servers on one PostgreSQL database (issue 10, part 8): events fan out by LISTEN/NOTIFY; one writer per room. */
class TwoServersTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** An action endpoint standing in for the room engine's: appends one event per request. */
    static final PourparlerServer.Extension ACT = (routes, stores) -> routes.post("/api/rooms/{room}/act", ctx -> {
        Http.RoomView view = Http.room(ctx, stores);
        Actions.perform(ctx, stores.log(), view.room(), last -> new Actions.Decision(
                List.of(NewEvent.of(((Principal.Seat) Http.principal(ctx)).seat(), "acted", "{\"after\":" + last + "}", Audience.all())),
                201, Http.JSON.createObjectNode().put("seq", last + 1)));
    });

    @Test
    void aSeatStreamingFromOneServerSeesWhatAnotherServerAppendsAndWritersOnBothNeverCollide() throws Exception {
        String db = TestDatabases.fresh("postgresql");
        try (TestServer a = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(db), List.of(ACT));
             TestServer b = TestServer.start(ServerConfig.defaults().withPort(0).withDatabase(db).withHeartbeat(Duration.ofMinutes(5)), List.of(ACT))) {
            assertThat(a.server.stores().bus()).isInstanceOf(PostgresEventBus.class);
            long convener = a.server.stores().conveners().ensureConvener();
            Room room = a.server.stores().rooms().create(convener, "two servers", true, "running", Optional.empty(), "{}");
            Seat.Issued seat0 = a.server.stores().seats().add(room.id(), 0, "A", Seat.Kind.PROGRAM);
            Seat.Issued seat1 = a.server.stores().seats().add(room.id(), 1, "B", Seat.Kind.PROGRAM);
            String act = "/api/rooms/" + room.publicId() + "/act";

            // the heartbeat on b is minutes away: only a notification from a can wake b's stream in time
            try (SseReader onB = new SseReader(b, "/api/rooms/" + room.publicId() + "/stream", bearer(seat1))) {
                assertThat(onB.status()).isEqualTo(200);
                Thread.sleep(300);
                HttpResponse<String> r = a.post(act, "", bearer(seat0));
                assertThat(r.statusCode()).isEqualTo(201);
                SseReader.Received e = onB.next(WAIT);
                assertThat(e).as("b's stream woken by a's append").isNotNull();
                assertThat(e.id()).isEqualTo("1");
            }

            int each = 15;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (TestServer server : List.of(a, b)) {
                    Seat.Issued seat = server == a ? seat0 : seat1;
                    done.add(pool.submit(() -> {
                        int created = 0;
                        for (int i = 0; i < each; i++) {
                            if (server.post(act, "", bearer(seat)).statusCode() == 201) created++;
                        }
                        return created;
                    }));
                }
                for (Future<Integer> f : done) assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(each);
            } finally {
                pool.shutdownNow();
            }
            List<Event> log = b.server.stores().log().read(room.id(), 0);
            assertThat(log).extracting(Event::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + 2L * each).boxed().toList());
            for (Event e : log) {
                assertThat(e.payload()).as("each action decided on the log it was appended to").isEqualTo("{\"after\":" + (e.seq() - 1) + "}");
            }
        }
    }

    private static Map<String, String> bearer(Seat.Issued seat) {
        return Map.of("Authorization", "Bearer " + seat.token());
    }
}
