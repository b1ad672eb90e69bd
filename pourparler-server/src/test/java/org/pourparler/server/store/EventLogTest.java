package org.pourparler.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.pourparler.server.TestDatabases;

@ParameterizedClass
@FieldSource("org.pourparler.server.TestDatabases#VENDORS")
class EventLogTest {
    @Parameter
    String vendor;

    Database db;
    Stores stores;
    long room;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(TestDatabases.fresh(vendor));
        stores = Stores.over(db, Clock.systemUTC(), EventBus.inProcess());
        long convener = stores.conveners().ensureConvener();
        room = stores.rooms().create(convener, "test", true, "waiting", Optional.empty(), "{}").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theRecentEventsKeptInMemoryReadAsTheDatabase() throws Exception {
        EventLog log = stores.log();
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 150; n++) {
            List<NewEvent> batch = new java.util.ArrayList<>();
            for (int k = random.nextInt(3); k >= 0; k--) batch.add(NewEvent.of(n % 3, "e", "{\"n\":" + n + "}", Audience.all()));
            log.append(room, log.last(room), batch);
        }
        EventLog fresh = new EventLog(db, Clock.systemUTC(), EventBus.inProcess());    // nothing in memory: the database
        long last = log.last(room);
        for (long after = 0; after <= last; after += 1 + random.nextInt(5)) {
            int limit = 1 + random.nextInt(100);
            assertThat(log.read(room, after, limit)).as("after " + after + ", limit " + limit).isEqualTo(fresh.read(room, after, limit));
        }
    }

    @Test
    void serversSharingPostgresqlNeverReadFromMemoryWhatAnotherMayHaveAppended() throws Exception {
        if (!vendor.equals("postgresql")) return;      // several servers share only PostgreSQL (docs/server.md)
        try (PostgresEventBus busHere = new PostgresEventBus(db); PostgresEventBus busThere = new PostgresEventBus(db)) {
            EventLog here = new EventLog(db, Clock.systemUTC(), busHere);
            EventLog there = new EventLog(db, Clock.systemUTC(), busThere);
            here.append(room, 0, List.of(NewEvent.of(0, "a", "{\"n\":1}", Audience.all())));
            there.append(room, 1, List.of(NewEvent.of(1, "b", "{\"n\":2}", Audience.all())));
            here.append(room, 2, List.of(NewEvent.of(0, "a", "{\"n\":3}", Audience.all())));
            there.append(room, 3, List.of(NewEvent.of(1, "b", "{\"n\":4}", Audience.all())));
            for (long after = 0; after <= 4; after++) {
                assertThat(here.read(room, after)).as("after " + after).hasSize((int) (4 - after)).isEqualTo(there.read(room, after));
            }
        }
    }

    @Test
    void migrationsCreateEveryTableOnBothDatabases() {
        assertThat(db.vendor().name().toLowerCase()).isEqualTo(vendor);
        for (String table : List.of("conveners", "sign_in_tokens", "sessions", "rooms", "seats", "events", "idempotency_keys")) {
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            assertThat(rows).as(table).isEqualTo(table.equals("conveners") || table.equals("rooms") ? 1 : 0);
        }
    }

    @Test
    void reopeningMigratesNothingTwiceAndKeepsTheLog() throws Exception {
        if (!vendor.equals("sqlite")) return;      // PostgreSQL reopening is the same Flyway path; the file case matters
        String file = db.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL()).substring("jdbc:sqlite:".length());
        stores.log().append(room, 0, List.of(event(0, "offer")));
        db.close();
        db = Database.open(file);
        assertThat(new EventLog(db, Clock.systemUTC(), EventBus.inProcess()).read(room, 0)).hasSize(1);
    }

    @Test
    void appendNumbersEventsFromOneAndReadReturnsThemInOrder() throws Exception {
        EventLog log = stores.log();
        assertThat(log.last(room)).isZero();
        List<Event> first = log.append(room, 0, List.of(event(0, "offer"), event(1, "reply")));
        List<Event> second = log.append(room, 2, List.of(event(NewEvent.ROOM, "deadline")));
        assertThat(first).extracting(Event::seq).containsExactly(1L, 2L);
        assertThat(second).extracting(Event::seq).containsExactly(3L);
        assertThat(log.last(room)).isEqualTo(3);
        assertThat(log.read(room, 0)).extracting(Event::type).containsExactly("offer", "reply", "deadline");
        assertThat(log.read(room, 2)).extracting(Event::seq).containsExactly(3L);
        Event read = log.read(room, 0).get(0);
        assertThat(read).isEqualTo(first.get(0));
        assertThat(read.payload()).isEqualTo("{\"v\":\"offer\"}");
    }

    @Test
    void anAppendBehindTheLogIsRefusedAndWritesNothing() throws Exception {
        stores.log().append(room, 0, List.of(event(0, "a")));
        assertThatThrownBy(() -> stores.log().append(room, 0, List.of(event(1, "b"), event(1, "c"))))
                .isInstanceOf(LogConflictException.class);
        assertThat(stores.log().read(room, 0)).extracting(Event::type).containsExactly("a");
    }

    @Test
    void twoWritersRacingFromTheSameSeqOneWinsWithoutGapsOrDuplicates() throws Exception {
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                long last = stores.log().last(room);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    int w = writer;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            stores.log().append(room, last, List.of(event(w, "w" + w), event(w, "w" + w)));
                            return true;
                        } catch (LogConflictException e) {
                            return false;
                        }
                    }));
                }
                int wins = 0;
                for (Future<Boolean> f : outcomes) wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                assertThat(wins).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Event> all = stores.log().read(room, 0);
        assertThat(all).extracting(Event::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 2L * rounds).boxed().toList());
        for (int i = 0; i < all.size(); i += 2) {
            assertThat(all.get(i).type()).as("a writer's two events stay together").isEqualTo(all.get(i + 1).type());
        }
    }

    @Test
    void manyWritersThatRetryOnConflictLoseNoAction() throws Exception {
        int writers = 4;
        int actionsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch done = new CountDownLatch(writers);
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int seat = w;
            pool.submit(() -> {
                try {
                    for (int a = 0; a < actionsEach; a++) {
                        while (true) {
                            try {
                                stores.log().append(room, stores.log().last(room), List.of(event(seat, "s" + seat + "a" + a)));
                                break;
                            } catch (LogConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        pool.shutdownNow();
        assertThat(failures).isEmpty();
        List<Event> all = stores.log().read(room, 0);
        assertThat(all).hasSize(writers * actionsEach);
        assertThat(all).extracting(Event::type).doesNotHaveDuplicates();
        assertThat(all).extracting(Event::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, (long) writers * actionsEach).boxed().toList());
    }

    @Test
    void logsOfTwoRoomsAreNumberedApart() throws Exception {
        long other = stores.rooms().create(stores.conveners().ensureConvener(), "other", false, "waiting", Optional.empty(), "{}").id();
        stores.log().append(room, 0, List.of(event(0, "a")));
        stores.log().append(other, 0, List.of(event(0, "b")));
        assertThat(stores.log().read(other, 0)).extracting(Event::type).containsExactly("b");
        assertThat(stores.log().last(room)).isEqualTo(1);
    }

    @Test
    void aCommittedAppendWakesTheRoomsSubscribersOnly() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        EventBus.Subscription mine = stores.bus().subscribe(room, woken::incrementAndGet);
        EventBus.Subscription other = stores.bus().subscribe(room + 1000, () -> woken.addAndGet(100));
        stores.log().append(room, 0, List.of(event(0, "a")));
        try {
            stores.log().append(room, 0, List.of(event(0, "b")));
        } catch (LogConflictException expected) {
            // a refused append wakes nobody
        }
        assertThat(woken).hasValue(1);
        mine.close();
        other.close();
        stores.log().append(room, 1, List.of(event(0, "c")));
        assertThat(woken).as("a closed subscription is not woken").hasValue(1);
    }

    @Test
    void aRetriedRequestWithTheSameKeyFindsTheFirstResponseAndAppendsOnce() throws Exception {
        EventLog log = stores.log();
        Idempotency.StoredResponse response = new Idempotency.StoredResponse(201, "{\"seq\":1}");
        assertThat(log.storedResponse("seat:1:0", "k-1")).isEmpty();
        log.append(room, 0, List.of(event(0, "offer")), new Idempotency("seat:1:0", "k-1", response));
        // the retry: the room layer looks the key up first and answers the stored response
        assertThat(log.storedResponse("seat:1:0", "k-1")).contains(response);
        // a retry that raced past the look-up cannot append: the key is taken in the same transaction
        assertThatThrownBy(() -> log.append(room, 1, List.of(event(0, "offer")),
                new Idempotency("seat:1:0", "k-1", new Idempotency.StoredResponse(201, "{\"seq\":2}"))))
                .isInstanceOf(LogConflictException.class);
        assertThat(log.read(room, 0)).hasSize(1);
        assertThat(log.storedResponse("seat:1:0", "k-1")).contains(response);
        // keys are per principal
        assertThat(log.storedResponse("seat:1:1", "k-1")).isEmpty();
    }

    @Test
    void aStoredResponseAnswersRetriesForADayThenTheKeyNamesANewRequest() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-01T12:00:00Z"));
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
        EventLog log = new EventLog(db, clock, EventBus.inProcess());
        Idempotency.StoredResponse first = new Idempotency.StoredResponse(201, "{\"seq\":1}");
        log.append(room, 0, List.of(event(0, "offer")), new Idempotency("seat:1:0", "k", first));
        now.set(now.get().plus(java.time.Duration.ofHours(23)));
        assertThat(log.storedResponse("seat:1:0", "k")).contains(first);
        now.set(now.get().plus(java.time.Duration.ofHours(2)));
        assertThat(log.storedResponse("seat:1:0", "k")).isEmpty();
        // the same key is a new request now: it appends, and its own response is stored
        Idempotency.StoredResponse second = new Idempotency.StoredResponse(201, "{\"seq\":2}");
        log.append(room, 1, List.of(event(0, "offer")), new Idempotency("seat:1:0", "k", second));
        assertThat(log.storedResponse("seat:1:0", "k")).contains(second);
        assertThat(log.read(room, 0)).hasSize(2);
        // forgetting: only what is older than a day goes
        log.append(room, 2, List.of(event(0, "offer")), new Idempotency("seat:1:0", "k2", first));
        now.set(now.get().plus(java.time.Duration.ofHours(25)));
        log.append(room, 3, List.of(event(0, "offer")), new Idempotency("seat:1:0", "k3", first));
        assertThat(log.deleteExpiredIdempotencyKeys()).isEqualTo(2);
        assertThat(log.storedResponse("seat:1:0", "k3")).contains(first);
    }

    @Test
    void aRefusedAppendStoresNoIdempotencyKey() throws Exception {
        stores.log().append(room, 0, List.of(event(0, "a")));
        assertThatThrownBy(() -> stores.log().append(room, 0, List.of(event(0, "b")),
                new Idempotency("convener:1", "k", new Idempotency.StoredResponse(200, "{}"))))
                .isInstanceOf(LogConflictException.class);
        assertThat(stores.log().storedResponse("convener:1", "k")).isEmpty();
    }

    private static NewEvent event(int seat, String type) {
        return NewEvent.of(seat, type, "{ \"v\" : \"" + type + "\" }", Audience.all());
    }
}
