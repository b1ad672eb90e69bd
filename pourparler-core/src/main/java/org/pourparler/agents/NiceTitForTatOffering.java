package org.pourparler.agents;

import java.util.Arrays;
import java.util.List;
import org.pourparler.model.Outcome;
import org.pourparler.negotiation.OfferRecord;

/**
 * Nice Tit for Tat (Baarslag, Hindriks and Jonker, ANAC 2011), as the GENIUS sources define it (its
 * BOA port {@code NiceTitForTat_Offering} and {@code AC_NiceTitForTat}). It reciprocates the
 * opponent's concession <em>measured in its own utility</em>, scaled so that full reciprocation
 * reaches its (estimated) Nash point, and uses the opponent model to estimate that point and to
 * choose among packages of about the target utility.
 *
 * <p>Utilities below are on GENIUS's scale, where the best package is worth 1: this agent divides its
 * utilities by its best utility hi (when hi &gt; 0), so for profiles whose best is 1 they are GENIUS's.
 * <ul>
 *   <li>opening (nothing received yet): the best package;</li>
 *   <li>m0: the least utility of the opponent's offers made at normalised time in (0, 0.01], or of
 *       its first offer when there is none; the opponent's concession is
 *       {@code best offer received − m0};</li>
 *   <li>Nash estimate N: of the packages at or above the reservation value r (all of them, or 10,000
 *       evenly spaced by own utility when there are more; GENIUS uses all below 200,000 packages), the
 *       own utility of the one maximising {@code (u − r)·û} (û the opponent model); 0.7 from 200,000
 *       packages on. Then {@code N ← N·max(0, 1.4 − 0.6·(1 − m0))}, clipped to [0.5, 1];</li>
 *   <li>{@code f = min(1, concession/(N − m0))} (f = 1 when N ≤ m0: the opponent started beyond
 *       N); target {@code T = 1 − f·(1 − N)};</li>
 *   <li>end bonus: {@code T ← T − b·max(0, T − N)} with {@code b = clip(max(0.5 − 0.4·d, min(1,
 *       20(t − t0))), 0, 1)} (d the discount factor, 1 when undiscounted; b = 0.5 − 0.4d before t0;
 *       t0 = 0.91, or 0.85 above 3,000 packages); T is never below r;</li>
 *   <li>offer: of the packages with own utility in [0.98·T, T + 0.05] (the upper end widened by 0.01
 *       until there are two, or one at the top), the one the opponent model rates best (at most
 *       256 evenly spaced ones are rated); but the best offer received if that is at least as good;</li>
 *   <li>accept x (AC_NiceTitForTat) when [{@code u(x) ≥ u(next offer)}, or t ≥ 0.98, at most 10 (40
 *       above 10,000 packages) offers were received in the last 1 − t of time and none of them is
 *       better than x (and u(x) &gt; 0)] and not [more than one offer was received in that window
 *       and an earlier offer was better than x].</li>
 * </ul>
 * <p><b>Differs from GENIUS</b>: the opponent model is {@link FrequencyModel}, not GENIUS's
 * (Scalable) Bayesian model, which is much heavier; GENIUS computes the Nash multiplier with the
 * previous turn's m0 (0 at the very first); a guard for N ≤ m0; the target never goes below r.
 * <p><b>Multilateral</b>: m0, the concession and f are taken per opponent and the least f is
 * reciprocated; the Nash estimate multiplies all opponent models; the windows count every
 * opponent's offers. In single text and test the waters nothing is received: it holds its best
 * package until the end rule (t ≥ 0.98, no offers) accepts anything it values above 0.
 */
public final class NiceTitForTatOffering implements OfferingStrategy {
    static final double START_WINDOW = 0.01;
    static final int NASH_SAMPLE = 10_000;
    static final long NASH_LIMIT = 200_000;
    private static final int RATED = 256;

    private double scale;
    private double reservation;
    private long packages;
    private int[][] sample;
    private double[] sampleUtility;
    private double nash;
    private int nashAt;
    private double[] firstWindowMin;
    private double[] firstOffer;
    private double[] best;
    private OfferRecord bestReceived;
    private double bestReceivedUtility;
    private int seen;

    /** A fresh Nice Tit for Tat agent (with {@link FrequencyModel}s). */
    public static BoaAgent agent() {
        NiceTitForTatOffering o = new NiceTitForTatOffering();
        return new BoaAgent("NiceTitForTat", o, o::threshold, FrequencyModel::new);
    }

    @Override
    public void start(AgentState state) {
        OfferIndex index = state.index();
        double hi = index.max();
        scale = hi > 0 ? hi : 1;
        reservation = state.profile().reservation();
        packages = index.size() > 0 ? index.size() : Long.MAX_VALUE;
        sample = null;
        sampleUtility = null;
        if (index.size() > 0 && index.size() < NASH_LIMIT) {
            int from = Math.min(index.rankAtLeast(reservation), index.size() - 1);
            int count = index.size() - from;
            int k = Math.min(count, NASH_SAMPLE);
            sample = new int[k][];
            sampleUtility = new double[k];
            for (int j = 0; j < k; j++) {
                int r = from + (int) ((long) j * count / k);
                sample[j] = index.valuesByRank(r);
                sampleUtility[j] = index.utilityByRank(r);
            }
        }
        int n = state.view().parties().size();
        firstWindowMin = new double[n];
        firstOffer = new double[n];
        best = new double[n];
        Arrays.fill(firstWindowMin, Double.NaN);
        Arrays.fill(firstOffer, Double.NaN);
        Arrays.fill(best, Double.NaN);
        bestReceived = null;
        bestReceivedUtility = Double.NEGATIVE_INFINITY;
        nash = 0.7;
        nashAt = -1;
        seen = 0;
    }

    private void observe(AgentState state) {
        List<OfferRecord> received = state.received();
        for (; seen < received.size(); seen++) {
            OfferRecord r = received.get(seen);
            int k = r.party();
            double v = state.receivedUtility(seen) / scale;
            if (Double.isNaN(firstOffer[k])) firstOffer[k] = v;
            if (r.time() > 0 && r.time() <= START_WINDOW) {
                firstWindowMin[k] = Double.isNaN(firstWindowMin[k]) ? v : Math.min(firstWindowMin[k], v);
            }
            best[k] = Double.isNaN(best[k]) ? v : Math.max(best[k], v);
            if (state.receivedUtility(seen) > bestReceivedUtility) {
                bestReceivedUtility = state.receivedUtility(seen);
                bestReceived = r;
            }
        }
    }

    /** The opponent's starting point m0 (scaled), or NaN before its first offer. */
    private double start(int k) {
        return Double.isNaN(firstWindowMin[k]) ? firstOffer[k] : firstWindowMin[k];
    }

    /** The estimated Nash utility N (scaled, multiplier and clipping applied). */
    double nash(AgentState state) {
        observe(state);
        if (nashAt == state.receivedCount()) return nash;
        nashAt = state.receivedCount();
        double n = 0.7;
        if (sample != null && state.hasModels()) {
            double bestProduct = Double.NEGATIVE_INFINITY;
            double r = reservation;
            int parties = state.view().parties().size();
            int bestTier = Integer.MIN_VALUE;
            for (int j = 0; j < sample.length; j++) {
                // the estimated Nash product (gain times the opponents' modelled utilities), compared as
                // (sign, value) with positive products in logs: no underflow with many parties, no overflow
                // with huge utilities; a non-positive gain compares by the gain itself
                double gain = sampleUtility[j] - r;
                int tier;
                double p;
                if (gain <= 0) {
                    tier = gain == 0 ? 0 : -1;
                    p = gain;
                } else {
                    p = Math.log(gain);
                    for (int k = 0; k < parties && p > Double.NEGATIVE_INFINITY; k++) {
                        OpponentModel m = state.model(k);
                        if (m != null) p += Math.log(Math.max(0, m.utility(sample[j])));
                    }
                    tier = p == Double.NEGATIVE_INFINITY ? 0 : 1;
                    if (tier == 0) p = 0;
                }
                if (tier > bestTier || (tier == bestTier && p > bestProduct)) {
                    bestTier = tier;
                    bestProduct = p;
                    n = sampleUtility[j] / scale;
                }
            }
        }
        double m0 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < firstOffer.length; k++) if (!Double.isNaN(start(k))) m0 = Math.min(m0, start(k));
        if (m0 != Double.POSITIVE_INFINITY) n *= Math.max(0, 1.4 - 0.6 * (1 - m0));
        nash = Math.min(1, Math.max(0.5, n));
        return nash;
    }

    /** The target utility T (unscaled) now, before choosing a package. */
    public double target(AgentState state) {
        double n = nash(state);
        double f = Double.POSITIVE_INFINITY;
        for (int k = 0; k < best.length; k++) {
            if (k == state.view().self()) continue;
            if (Double.isNaN(best[k])) {
                f = 0;
                continue;
            }
            double m0 = start(k);
            double fk = n <= m0 ? 1 : Math.min(1, (best[k] - m0) / (n - m0));
            f = Math.min(f, fk);
        }
        if (f == Double.POSITIVE_INFINITY) f = 0;
        double t = 1 - f * (1 - n);
        t -= bonus(state) * Math.max(0, t - n);
        return Math.max(Math.min(1, t) * scale, reservation);
    }

    private double bonus(AgentState state) {
        double d = state.profile().discount();
        if (d <= 0 || d >= 1) d = 1;
        double discountBonus = 0.5 - 0.4 * d;
        double t0 = packages > 3000 ? 0.85 : 0.91;
        double time = state.time();
        double timeBonus = time > t0 ? Math.min(1, 20 * (time - t0)) : 0;
        return Math.min(1, Math.max(0, Math.max(discountBonus, timeBonus)));
    }

    @Override
    public Outcome offer(AgentState state) {
        observe(state);
        OfferIndex index = state.index();
        if (state.receivedCount() == 0) return index.atLeast(index.max());
        double target = target(state);
        Outcome planned;
        if (index.size() == 0) {
            planned = state.near(0.98 * target);
        } else {
            int from = index.rankAtLeast(0.98 * target);
            double upper = target + 0.04 * scale;
            int to;
            do {
                upper += 0.01 * scale;
                to = index.rankAtLeast(Math.nextUp(upper));
                if (to - from > 1 || (upper >= scale && to - from > 0)) break;
            } while (upper <= scale);
            planned = to > from ? bestForOpponents(state, from, to) : index.byRank(index.size() - 1);
        }
        if (bestReceived != null && bestReceivedUtility >= state.utility(planned)) return bestReceived.outcome();
        return planned;
    }

    /** Of ranks [from, to), the package whose worst opponent estimate is highest (ties: higher own utility). */
    private static Outcome bestForOpponents(AgentState state, int from, int to) {
        OfferIndex index = state.index();
        int count = to - from;
        int rated = Math.min(count, RATED);
        int bestRank = to - 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int j = rated - 1; j >= 0; j--) {
            int r = from + (int) ((long) j * count / rated);
            int[] o = index.valuesByRank(r);
            double s = Double.POSITIVE_INFINITY;
            for (int k = 0; k < state.view().parties().size(); k++) {
                OpponentModel m = state.model(k);
                if (m != null) s = Math.min(s, m.utility(o));
            }
            if (s == Double.POSITIVE_INFINITY) s = 0;
            if (s > bestScore) {
                bestScore = s;
                bestRank = r;
            }
        }
        return index.byRank(bestRank);
    }

    /** AC_NiceTitForTat as a threshold on own utility. */
    double threshold(AgentState state, double next) {
        observe(state);
        double t = state.time();
        double from = t - (1 - t);
        int inWindow = 0;
        double windowBest = Double.NEGATIVE_INFINITY;
        List<OfferRecord> received = state.received();
        for (int i = received.size() - 1; i >= 0 && received.get(i).time() > from; i--) {
            if (received.get(i).time() <= t) {
                inWindow++;
                windowBest = Math.max(windowBest, state.receivedUtility(i));
            }
        }
        double threshold = next;
        int enough = packages > 10_000 ? 40 : 10;
        if (t >= 0.98 && inWindow <= enough) threshold = Math.min(threshold, Math.max(windowBest, Math.nextUp(0.0)));
        if (inWindow > 1) threshold = Math.max(threshold, bestReceivedUtility);
        return threshold;
    }
}
