package org.pourparler.agents;

import java.util.Arrays;
import org.pourparler.model.Outcome;

/**
 * NegMAS's {@code NaiveTitForTatNegotiator} (defaults: kindness 0, no punishing, initial concession
 * "min", deterministic), as its current sources define it (a MAP negotiator of {@code ZeroSumModel},
 * {@code KindConcessionRecommender}, {@code TFTOfferingPolicy} and {@code TFTAcceptancePolicy}).
 *
 * <p>It keeps no opponent model: it measures everything in its <em>own</em> utility, normalised
 * {@code ν(x) = (u(x) − lo)/(hi − lo)} with hi the best utility and lo the reservation value (or the
 * worst utility when that is higher), and assumes the negotiation is zero-sum, so the opponent's
 * concession so far is {@code c = ν(its last offer)} (below 0 counts as 0).
 * <ul>
 *   <li>its concession: 0 in round 0; in rounds 1 and 2 {@code c + δ}, δ the forced "minimal"
 *       concession (steps {@code 0.01·(1 + i/20)}, i = 0, 1, ..., added until more than one package
 *       has {@code ν ≥ 1 − c − δ}); from round 3 on {@code c};</li>
 *   <li>offer: the worst package with {@code ν ≥ 1 − concession};</li>
 *   <li>accept x when {@code ν(x) ≥ 1 − concession(x)}, the concession it would make had x been the
 *       opponent's offer: {@code ν(x) ≥ 1} in round 0, {@code ν(x) ≥ (1 − 0.01)/2} in rounds 1 and 2
 *       (δ taken as its first step), {@code ν(x) ≥ 1/2} from round 3.</li>
 * </ul>
 * So from round 3 each round's concession equals the opponent's last concession (in this agent's
 * utility). Rounds are the protocol's rounds (NegMAS's steps). Older NegMAS (the SAO negotiator
 * before the MAP rewrite) reciprocated the difference between the opponent's last two offers and
 * always stepped at least one package down; not that version.
 *
 * <p>Multilateral: c is the least concession among the opponents (an opponent that has not offered
 * yet has conceded 0). In single text and test the waters no opponent offers anything, so there is
 * nothing to reciprocate: the agent holds its opening position (and accepts ν ≥ 1/2 from round 3).
 * Targets are compared with a tolerance of 1e-9 of the range, so rounding never skips a package.
 */
public final class NaiveTitForTatOffering implements OfferingStrategy {
    static final double STEP = 0.01;
    private static final double TOLERANCE = 1e-9;

    private double hi;
    private double lo;
    private double[] last;      // ν of each party's last offer, NaN before its first
    private int seen;

    /** A fresh naive tit-for-tat agent. */
    public static BoaAgent agent() {
        NaiveTitForTatOffering o = new NaiveTitForTatOffering();
        return new BoaAgent("NaiveTitForTat", o, o::threshold, null);
    }

    @Override
    public void start(AgentState state) {
        hi = state.index().max();
        lo = Math.min(hi, Math.max(state.profile().reservation(), state.index().min()));
        last = new double[state.view().parties().size()];
        Arrays.fill(last, Double.NaN);
        seen = 0;
    }

    private double normalised(double u) { return hi > lo ? (u - lo) / (hi - lo) : 1; }

    private double utilityOf(double nu) { return lo + nu * (hi - lo); }

    /** The opponents' least concession so far, in [0, 1]. */
    double partnerConcession(AgentState state) {
        for (; seen < state.receivedCount(); seen++) {
            last[state.received().get(seen).party()] = normalised(state.receivedUtility(seen));
        }
        double c = Double.POSITIVE_INFINITY;
        for (int k = 0; k < last.length; k++) {
            if (k == state.view().self()) continue;
            c = Math.min(c, Double.isNaN(last[k]) ? 0 : Math.max(0, last[k]));
        }
        return c == Double.POSITIVE_INFINITY ? 0 : Math.min(1, c);
    }

    /** This agent's concession (normalised) in the current round. */
    public double concession(AgentState state) {
        double c = partnerConcession(state);
        int round = state.view().round();
        if (round == 0) return 0;
        if (round >= 3) return c;
        double concession = c;
        for (int i = 0; concession < 1; i++) {
            concession += STEP * (1 + i / 20.0);
            if (packagesAtLeast(state, 1 - concession) > 1) break;
        }
        return Math.min(1, concession);
    }

    private long packagesAtLeast(AgentState state, double nu) {
        OfferIndex index = state.index();
        if (index.size() == 0) return Long.MAX_VALUE;
        return index.size() - index.rankAtLeast(utilityOf(nu) - TOLERANCE * (hi - lo));
    }

    /** The utility it aims at now: {@code lo + (1 − concession)(hi − lo)}. */
    public double target(AgentState state) {
        return utilityOf(1 - concession(state));
    }

    @Override
    public Outcome offer(AgentState state) {
        return state.near(target(state) - TOLERANCE * (hi - lo));
    }

    double threshold(AgentState state, double next) {
        int round = state.view().round();
        double nu = round == 0 ? 1 : round >= 3 ? 0.5 : (1 - STEP) / 2;
        return utilityOf(nu) - TOLERANCE * (hi - lo);
    }
}
