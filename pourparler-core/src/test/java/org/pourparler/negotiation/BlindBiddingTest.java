package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.testing.RandomScenarios;

/** Blind bidding: simultaneous proposals, hidden acceptances, the deal rule. */
class BlindBiddingTest {

    /** Bids the same every round and records the public offers it sees. */
    static final class Bidder implements Negotiator {
        final Action.Bid bid;
        final List<List<OfferRecord>> seen = new ArrayList<>();

        Bidder(Outcome proposal, Acceptance acceptance) { this.bid = new Action.Bid(proposal, acceptance); }

        @Override public Action act(NegotiationView v) {
            seen.add(List.copyOf(v.offers()));
            assertThat(v.standingOffer()).isEmpty();
            return bid;
        }
    }

    private static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults().withProtocol(Protocol.BLIND));
    }

    @Test
    void theDealIsTheNashPointOfTheOverlap() {
        // A gets x/10, B gets 1 - x/10; both accept 0.3 or more: the overlap is 3..7, the Nash point 5
        Scenario s = SessionTest.split(0, 0);
        SessionResult r = run(s, List.of(new Bidder(Outcome.of(10), Acceptance.atLeast(0.3)),
                new Bidder(Outcome.of(0), Acceptance.atLeast(0.3))), 10);
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.agreement()).contains(Outcome.of(5));
        assertThat(r.rounds()).isOne();
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("propose", "propose", "deal");
    }

    @Test
    void theNashProductCountsGainsOverTheReservationValues() {
        // reservations 0.4 (A) and 0; B accepts 0.25 or more (x <= 7): the product (x/10 - 0.4)(1 - x/10) peaks at x = 7
        Scenario s = SessionTest.split(0.4, 0);
        SessionResult r = run(s, List.of(new Bidder(Outcome.of(10), Acceptance.atLeast(0.0)),
                new Bidder(Outcome.of(0), Acceptance.atLeast(0.25))), 10);
        assertThat(r.agreement()).contains(Outcome.of(7));
    }

    @Test
    void withoutOverlapThereIsNoDealAndProposalsBecomePublicOnlyAfterTheRound() {
        Bidder a = new Bidder(Outcome.of(9), Acceptance.atLeast(0.8));
        Bidder b = new Bidder(Outcome.of(1), Acceptance.atLeast(0.8));
        SessionResult r = run(SessionTest.split(0, 0), List.of(a, b), 3);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.ending().toString()).isEqualTo("deadline");
        assertThat(a.seen.get(0)).isEmpty();
        assertThat(b.seen.get(0)).isEmpty();                      // B bids after A in round 0, yet does not see A's bid
        assertThat(b.seen.get(1)).extracting(OfferRecord::party).containsExactly(0, 1);
        assertThat(b.seen.get(1)).extracting(OfferRecord::outcome).containsExactly(Outcome.of(9), Outcome.of(1));
    }

    @Test
    void aProposalIsAcceptableToItsProposerAndListedPackagesCount() {
        // A accepts nothing but its proposal 6; B lists 2, 6 and 8: the overlap is {6}
        SessionResult r = run(SessionTest.split(0, 0), List.of(new Bidder(Outcome.of(6), Acceptance.none()),
                new Bidder(Outcome.of(1), Acceptance.packages(Set.of(Outcome.of(2), Outcome.of(6), Outcome.of(8))))), 5);
        assertThat(r.agreement()).contains(Outcome.of(6));
    }

    @Test
    void aHiddenThresholdDoesNotReachPackagesAcrossTheBiddersRedLines() {
        // A's reservation 0.1: over 3..7 the product (x/10 - 0.1)(1 - x/10) is largest at 5; A's red line rules 5 out: 6
        Scenario s = SessionTest.split(0.1, 0);
        Profile a = s.parties().get(0).profile().withRedLines(List.of(org.pourparler.model.RedLine.of("not 5",
                List.of(new org.pourparler.model.RedLine.Condition(0, new int[] {5})))));
        Scenario lined = Scenario.builder(s.domain()).party(Party.negotiator("A", a)).party(s.parties().get(1)).build();
        SessionResult r = run(lined, List.of(new Bidder(Outcome.of(10), Acceptance.atLeast(0.3)),
                new Bidder(Outcome.of(0), Acceptance.atLeast(0.3))), 10);
        assertThat(r.agreement()).contains(Outcome.of(6));
    }

    @Test
    void offeringIsIllegalInBlindBidding() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(Action.offer(3)),
                new Bidder(Outcome.of(0), Acceptance.none())), 5);
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.ILLEGAL_ACTION);
        assertThat(r.fault().orElseThrow().message()).contains("blind");
    }

    @Test
    void timeDependentAgentsReachADealAboveTheirReservations() {
        SessionResult r = run(SingleNegotiatingTextTest.threeIssues(), List.of(TimeDependentAgent.boulware(), TimeDependentAgent.linear()), 100);
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.payoff(0)).isGreaterThanOrEqualTo(0.3);
        assertThat(r.payoff(1)).isGreaterThanOrEqualTo(0.3);
    }

    /** The deal equals the Nash point of the overlap found by brute force, on random scenarios and thresholds. */
    @Property(tries = 60)
    void theDealIsTheBruteForceNashPointOfTheOverlap(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                     @ForAll @DoubleRange(min = 0, max = 1) double level) {
        Scenario s = RandomScenarios.scenario(new Random(seed), RandomScenarios.Options.simple().withParties(2, 3).withRedLines(true));
        List<Party> negotiators = s.parties().stream().filter(p -> p.role() == Role.NEGOTIATOR).toList();
        if (negotiators.size() < 2) return;
        Domain d = s.domain();
        List<Bidder> bidders = new ArrayList<>();
        double[] thresholds = new double[negotiators.size()];
        for (int j = 0; j < negotiators.size(); j++) {
            Profile p = negotiators.get(j).profile();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (long i = 0; i < d.outcomeCountExact(); i++) {
                double u = p.utility().utility(d.outcomeAt(i));
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
            thresholds[j] = lo + (hi - lo) * level * (j + 1) / negotiators.size();
            bidders.add(new Bidder(Outcome.of(d.outcomeAt(j % d.outcomeCountExact())), Acceptance.atLeast(thresholds[j])));
        }
        SessionResult r = Session.run(s, bidders, Deadline.rounds(1),
                Session.Options.defaults().withProtocol(Protocol.BLIND).withMetrics(false));
        // brute force over the whole space
        int[] best = null;
        double[] bestKey = null;
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            int[] o = d.outcomeAt(i);
            boolean in = true;
            double[] u = new double[negotiators.size()];
            for (int j = 0; j < u.length; j++) {
                Profile p = negotiators.get(j).profile();
                u[j] = p.utility().utility(o);
                boolean accepted = i == j % d.outcomeCountExact() || (grid(u[j]) >= grid(thresholds[j]) && !p.crossesRedLine(o));
                in &= accepted;
            }
            if (!in) continue;
            double[] key = key(u, negotiators);
            if (bestKey == null || java.util.Arrays.compare(key, bestKey) > 0) {
                best = o;
                bestKey = key;
            }
        }
        if (best == null) {
            assertThat(r.agreement()).isEmpty();
            return;
        }
        assertThat(r.agreement()).as(r.ending() + " " + java.util.Arrays.toString(best) + " " + s).isPresent();
        double[] got = new double[negotiators.size()];
        for (int j = 0; j < got.length; j++) got[j] = negotiators.get(j).profile().utility().utility(r.agreement().orElseThrow());
        double[] gotKey = key(got, negotiators);
        // relative: utilities up to 1e22 sum in another order along the frontier, a last-bit difference in a product of 1e21
        for (int k = 0; k < gotKey.length; k++) {
            assertThat(gotKey[k]).isCloseTo(bestKey[k], org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(bestKey[k]))));
        }
    }

    /** The deal rule's ranking: rational first, then the Nash product (or the worst gain), then the total; all on the grid. */
    private static double[] key(double[] u, List<Party> parties) {
        double product = 1;
        double worst = Double.POSITIVE_INFINITY;
        double total = 0;
        for (int j = 0; j < u.length; j++) {
            double g = grid(u[j]) - grid(parties.get(j).profile().reservation());
            product *= g;
            worst = Math.min(worst, g);
            total += grid(u[j]);
        }
        boolean rational = worst >= 0;
        return new double[] {rational ? 1 : 0, rational ? product : worst, total};
    }

    /** docs/analysis.md's grid, written out here (not the implementation's): multiples of 1e-12 below 10^4, exact above. */
    private static double grid(double u) {
        return Math.abs(u) < 1e4 ? Math.rint(u * 1e12) / 1e12 + 0.0 : u + 0.0;
    }
}
