package org.pourparler.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.pourparler.server.TestServer;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.AudienceTest;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Seat;

/**
 * Who sees which event through the API: convener, each seat, another room's seat, a revoked seat and
 * nobody, × every audience, × open and blind rooms, against the hand-written table of AudienceTest.
 */
@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class AudienceMatrixTest {
    @Parameter
    String vendor;

    TestServer t;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.start(vendor, List.of());
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void eachPrincipalReadsExactlyTheEventsItsAudienceAdmits() throws Exception {
        TestServer.Credentials convener = t.signIn();
        long convenerId = t.server.stores().conveners().ensureConvener();
        Room elsewhere = t.server.stores().rooms().create(convenerId, "elsewhere", true, "waiting", Optional.empty(), "{}");
        Seat.Issued outsider = t.server.stores().seats().add(elsewhere.id(), 0, "outsider", Seat.Kind.PROGRAM);
        for (boolean open : List.of(true, false)) {
            Room room = t.server.stores().rooms().create(convenerId, "matrix", open, "waiting", Optional.empty(), "{}");
            Seat.Issued seat0 = t.server.stores().seats().add(room.id(), 0, "A", Seat.Kind.PROGRAM);
            Seat.Issued seat1 = t.server.stores().seats().add(room.id(), 1, "B", Seat.Kind.PERSON);
            Seat.Issued revoked = t.server.stores().seats().add(room.id(), 2, "C", Seat.Kind.PROGRAM);
            t.server.stores().seats().revoke(room.id(), 2);
            List<NewEvent> events = new ArrayList<>();
            for (String audience : AudienceTest.AUDIENCES) {
                events.add(NewEvent.of(NewEvent.ROOM, "e", "{\"audience\":\"" + audience + "\"}", Audience.parse(audience)));
            }
            t.server.stores().log().append(room.id(), 0, events);
            String path = "/api/rooms/" + room.publicId() + "/events";
            Map<String, List<String>> table = open ? AudienceTest.OPEN : AudienceTest.BLIND;
            String kind = open ? "open" : "blind";

            assertThat(seen(t.get(path, convener.cookieOnly()))).as("convener, %s", kind).isEqualTo(table.get("convener"));
            assertThat(seen(t.get(path, bearer(seat0)))).as("seat 0, %s", kind).isEqualTo(table.get("seat0"));
            TestServer.Credentials person = t.credentials(t.get("/join/" + seat1.token(), Map.of()));
            assertThat(seen(t.get(path, person.cookieOnly()))).as("seat 1 by its invite cookie, %s", kind).isEqualTo(table.get("seat1"));
            assertThat(t.get(path, bearer(outsider)).statusCode()).as("another room's seat, %s", kind).isEqualTo(404);
            assertThat(t.get(path, bearer(revoked)).statusCode()).as("a revoked seat, %s", kind).isEqualTo(401);
            assertThat(t.get(path, Map.of()).statusCode()).as("nobody, %s", kind).isEqualTo(401);
            assertThat(t.get("/api/rooms/no-such-room/events", convener.cookieOnly()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anotherConvenersRoomIsUnknownToThisConvener() throws Exception {
        TestServer.Credentials convener = t.signIn();
        long other = t.server.stores().database().jdbi().withHandle(h -> h.createUpdate("INSERT INTO conveners (created_at) VALUES (0)")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        Room theirs = t.server.stores().rooms().create(other, "theirs", true, "waiting", Optional.empty(), "{}");
        assertThat(t.get("/api/rooms/" + theirs.publicId() + "/events", convener.cookieOnly()).statusCode()).isEqualTo(404);
    }

    private static Map<String, String> bearer(Seat.Issued seat) {
        return Map.of("Authorization", "Bearer " + seat.token());
    }

    private static List<String> seen(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        TestServer.json(r).forEach(e -> out.add(e.path("payload").path("audience").asText()));
        return out;
    }
}
