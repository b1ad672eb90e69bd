package org.pourparler.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pourparler.io.genius.GeniusXml;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.testing.SharedCorpus;

/**
 * Replays the sessions GENIUS 10.4 itself played ({@code shared/reference/genius-sessions}, 180
 * rounds, stacked alternating offers) under GENIUS conventions and checks each one move for move by
 * its outcome: the same round of agreement, the same bid, the same undiscounted utilities (to 1e-9),
 * or no agreement where GENIUS reached none. The oracle is GENIUS's own runner, not our code.
 * Nice Tit for Tat is outside what GENIUS conventions promise; its 20 sessions are not replayed.
 */
class GeniusSessionsTest {
    /** GENIUS's class names and ours, for the agents GENIUS conventions reproduce. */
    static final Map<String, String> AGENTS = Map.of(
            "TimeDependentAgentBoulware", "boulware",
            "TimeDependentAgentConceder", "conceder",
            "TDLinear", "linear",
            "TDHardliner", "hardliner",
            "KLH", "hard-headed");
    static final int ROUNDS = 180;
    /**
     * Seeds tried for a session with KLH. In laptop.tsv line 22 GENIUS's KLH drew, in one of three
     * turns, the rarer of its earlier offers (about 7% of our seeds do the same): one seed must do it.
     */
    static final long KLH_SEEDS = 64;

    /** One line of a reference file. */
    record Reference(String file, int line, int round, String agent1, String agent2, String bid, double u1, double u2) {
        boolean agreed() { return !bid.equals("null"); }

        boolean inScope() { return AGENTS.containsKey(agent1) && AGENTS.containsKey(agent2); }

        boolean withHardHeaded() { return agent1.equals("KLH") || agent2.equals("KLH"); }

        @Override public String toString() { return file + ":" + line + " " + agent1 + " vs " + agent2; }
    }

    /** The scenario folders of the reference files, relative to shared/scenarios, with the profile order. */
    static final Map<String, List<String>> SCENARIOS = Map.of(
            "laptop.tsv", List.of("anac/y2011/Laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml"),
            "itexvscypressB.tsv", List.of("anac/y2012/ItexvsCypressB", "ItexvsCypress-B-domain.xml",
                    "ItexvsCypress-B-prof1.xml", "ItexvsCypress-B-prof2.xml"));

    static Path shared() {
        Path root = SharedCorpus.locate();
        if (root == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the shared corpus (../shared with scenarios/ and reference/genius-sessions/) is missing; under CI=true it must be present");
        }
        return SharedCorpus.root();
    }

    static List<Reference> references(Path shared, String file) throws IOException {
        Path tsv = shared.resolve("reference/genius-sessions").resolve(file);
        if (!Files.isRegularFile(tsv)) fail(tsv + " is missing from the shared corpus");
        List<Reference> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).split("\t");
            out.add(new Reference(file, i + 1, Integer.parseInt(f[0]), className(f[2]), className(f[3]), f[4],
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        return out;
    }

    private static String className(String party) { return party.substring(0, party.indexOf('@')); }

    static Scenario scenario(Path shared, String file, Conventions conventions) throws Exception {
        List<String> s = SCENARIOS.get(file);
        Path dir = shared.resolve("scenarios").resolve(s.get(0));
        return GeniusXml.read(dir.resolve(s.get(1)), List.of(dir.resolve(s.get(2)), dir.resolve(s.get(3))), conventions).scenario();
    }

    /** GENIUS's {@code Bid.toString()}: issues in number order, "Bid[name: value, ...]". */
    static String geniusBid(Domain d, Outcome o) {
        StringBuilder b = new StringBuilder("Bid[");
        for (int i = 0; i < d.issueCount(); i++) {
            if (i > 0) b.append(", ");
            b.append(d.issue(i).name()).append(": ").append(d.issue(i).label(o.value(i)));
        }
        return b.append("]").toString();
    }

    static SessionResult replay(Scenario s, Reference r, Conventions conventions, long seed) {
        List<Negotiator> agents = List.of(Agents.create(AGENTS.get(r.agent1())), Agents.create(AGENTS.get(r.agent2())));
        return Session.run(s, agents, Deadline.rounds(ROUNDS),
                Session.Options.defaults().withConventions(conventions).withSeed(seed).withMetrics(false).withTrace(false));
    }

    /** Whether our session is GENIUS's: same round, bid and utilities, or no agreement in both. */
    static boolean matches(Scenario s, Reference r, SessionResult result) {
        if (!r.agreed()) return result.agreement().isEmpty();
        if (result.agreement().isEmpty() || result.rounds() != r.round()) return false;
        if (!geniusBid(s.domain(), result.agreement().orElseThrow()).equals(r.bid())) return false;
        double u1 = s.parties().get(0).profile().utility().utility(result.agreement().orElseThrow());
        double u2 = s.parties().get(1).profile().utility().utility(result.agreement().orElseThrow());
        return Math.abs(u1 - r.u1()) <= 1e-9 && Math.abs(u2 - r.u2()) <= 1e-9;
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceSessionIsReplayedMoveForMove() throws Exception {
        Path shared = shared();
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("laptop.tsv", "itexvscypressB.tsv")) {
            Scenario s = scenario(shared, file, Conventions.GENIUS);
            for (Reference r : references(shared, file)) {
                if (!r.inScope()) continue;
                tests.add(DynamicTest.dynamicTest(r.toString(), () -> {
                    SessionResult result = replay(s, r, Conventions.GENIUS, 1);
                    // KLH draws one of its earlier offers from an unseeded random source (GENIUS's session
                    // is one draw); ours draws from the seeded one: some seed must give GENIUS's session
                    for (long seed = 2; seed <= KLH_SEEDS && r.withHardHeaded() && !matches(s, r, result); seed++) {
                        SessionResult other = replay(s, r, Conventions.GENIUS, seed);
                        if (matches(s, r, other)) result = other;
                    }
                    if (!r.agreed()) {
                        assertTrue(result.agreement().isEmpty(), "GENIUS reached no agreement");
                        return;
                    }
                    assertTrue(result.agreement().isPresent(), "GENIUS agreed in round " + r.round() + " on " + r.bid());
                    assertEquals(r.round(), result.rounds(), "round of agreement");
                    assertEquals(r.round() / (double) (ROUNDS + 1), result.time(), 1e-12, "GENIUS's time of agreement");
                    assertEquals(r.bid(), geniusBid(s.domain(), result.agreement().orElseThrow()), "the agreed bid");
                    assertEquals(r.u1(), s.parties().get(0).profile().utility().utility(result.agreement().orElseThrow()), 1e-9, "party 1's utility");
                    assertEquals(r.u2(), s.parties().get(1).profile().utility().utility(result.agreement().orElseThrow()), 1e-9, "party 2's utility");
                }));
            }
        }
        assertEquals(40, tests.size(), "the reference files hold 40 sessions between time-dependent agents and HardHeaded");
        return tests.stream();
    }
}
