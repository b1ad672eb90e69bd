package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;

/**
 * Is a deal possible, which deals are efficient and fair, and what would it take: the analysis of a
 * scenario over all its parties (negotiators and ratifiers alike: every party's utility is a
 * coordinate of the frontier, and every party's reservation value and red lines bound the zone).
 *
 * <pre>{@code
 * AgreementAnalysis.Report r = AgreementAnalysis.analyze(scenario, AgreementAnalysis.Options.defaults());
 * if (!r.zone().exists()) System.out.println(r.diagnosis().orElseThrow().uniformLowering().orElseThrow().amount());
 * }</pre>
 *
 * Method: linear-additive profiles use the exact issue-by-issue frontier merge and never enumerate
 * the outcome space (the zone is counted exactly when the space is enumerable, otherwise estimated
 * by sampling); other utility kinds are enumerated in parallel up to {@link Options#enumerationLimit()}.
 */
public final class AgreementAnalysis {

    /**
     * @param listLimit        how many outcomes to list behind each frontier point
     * @param threads          parallelism of enumeration
     * @param enumerationLimit the most outcomes enumerated
     * @param samples          sample size for estimating the zone's size in spaces too large to count
     * @param seed             seed of that sample
     * @param maxCandidates    the most candidate points one frontier merge step may weigh; for hyper-rectangles, the most search steps (about 10^6 per CPU-second)
     * @param maxWork          the most work steps one analysis may take (a step is about one comparison of two utility
     *                         vectors or one outcome enumerated; 10^9 steps take a few seconds), beyond which it stops with
     *                         an {@link AnalysisWorkLimitException}; {@link Long#MAX_VALUE} for no limit
     */
    public record Options(int listLimit, int threads, long enumerationLimit, int samples, long seed, long maxCandidates,
                          long maxWork) {
        /** The default work limit, {@value} steps: about 10 seconds of one core. */
        public static final long DEFAULT_MAX_WORK = 1_000_000_000L;

        public Options {
            if (listLimit < 0) throw new IllegalArgumentException("listLimit must be at least 0, but was " + listLimit);
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
            if (maxWork < 1) throw new IllegalArgumentException("maxWork must be at least 1, but was " + maxWork);
        }

        public static Options defaults() {
            return new Options(10, Runtime.getRuntime().availableProcessors(), 100_000_000L, 200_000, 1L, 20_000_000L,
                    DEFAULT_MAX_WORK);
        }

        public Options withListLimit(int limit) {
            return new Options(limit, threads, enumerationLimit, samples, seed, maxCandidates, maxWork);
        }

        public Options withThreads(int t) {
            return new Options(listLimit, t, enumerationLimit, samples, seed, maxCandidates, maxWork);
        }

        /** These options with another work limit (see {@link #maxWork}). */
        public Options withMaxWork(long steps) {
            return new Options(listLimit, threads, enumerationLimit, samples, seed, maxCandidates, steps);
        }
    }

    /** Scenario statistics other tools report. */
    public record Statistics(double rationalFraction, boolean rationalFractionExact, double opposition) { }

    /** Distances in utility space from one outcome's utilities to the frontier and to each solution. */
    public record Distances(double pareto, double nash, double kalaiSmorodinsky, double egalitarian, double utilitarian) { }

    /**
     * The whole analysis.
     *
     * @param reservation every party's reservation value (the disagreement point), in scenario order
     * @param method      "linear-additive merge", "hyper-rectangle branch and bound" or "enumeration"
     * @param diagnosis   what blocks a deal and what would open one; empty when a zone exists
     */
    public record Report(Scenario scenario, List<Double> reservation, BigInteger outcomes, ZoneSize zone,
                         ParetoFrontier paretoAll, ParetoFrontier pareto, BargainingSolutions solutions,
                         Optional<Diagnosis> diagnosis, Statistics statistics, String method) {

        public Report {
            reservation = List.copyOf(reservation);
            if (diagnosis == null) throw new IllegalArgumentException("An analysis's diagnosis is empty when a zone exists, never null");
        }

        /** Party k's reservation value. */
        public double reservation(int k) { return reservation.get(k); }

        /** Distances from a utility vector (one entry per party) to the zone frontier and each solution. */
        public Distances distances(double[] utilities) {
            return new Distances(pareto.distanceTo(utilities), nearest(solutions.nash(), utilities),
                    nearest(solutions.kalaiSmorodinsky(), utilities), nearest(solutions.egalitarian(), utilities),
                    nearest(solutions.utilitarian(), utilities));
        }

        private static double nearest(List<FrontierPoint> points, double[] u) {
            return new ParetoFrontier(u.length, points).distanceTo(u);
        }
    }

    private AgreementAnalysis() { }

    /**
     * Analyses the scenario with all its parties.
     *
     * @throws AnalysisWorkLimitException as soon as the work passes {@link Options#maxWork()}
     * @throws AnalysisLimitException     when no exact method applies or another size limit is met
     */
    public static Report analyze(Scenario scenario, Options options) throws AnalysisLimitException {
        WorkBudget budget = new WorkBudget(options.maxWork());
        try {
            return analyze(scenario, options, budget);
        } catch (WorkBudget.Exceeded e) {
            throw workLimit(options);
        }
    }

    private static AnalysisWorkLimitException workLimit(Options options) {
        return new AnalysisWorkLimitException("The analysis passed its work limit of " + options.maxWork()
                + " steps (about one comparison of two utility vectors each) before the exact frontier was complete: "
                + "the frontier of these utilities is too large to find quickly. Raise the limit with --max-work "
                + "(Options.withMaxWork), or analyse fewer parties (--parties)", options.maxWork());
    }

    private static Report analyze(Scenario scenario, Options options, WorkBudget budget) throws AnalysisLimitException {
        List<Party> parties = scenario.parties();
        if (parties.isEmpty()) {
            throw new IllegalArgumentException("Scenario '" + scenario.title() + "' has no parties to analyse");
        }
        Domain domain = scenario.domain();
        Problem all = Problem.of(parties);
        boolean enumerable = domain.isEnumerable(options.enumerationLimit());
        Method method = Method.choose(all.ufs, enumerable);
        if (method == null) {
            throw new AnalysisLimitException("Scenario '" + scenario.title() + "' has " + domain.outcomeCount()
                    + " outcomes and utilities that are not all linear-additive ("
                    + all.ufs.stream().map(UtilityFunction::kind).distinct().toList() + "); exact analysis enumerates at most "
                    + options.enumerationLimit() + " outcomes");
        }
        ParetoFrontier paretoAll;
        ParetoFrontier free;
        ZoneSize zone;
        if (method != Method.ENUMERATION) {
            paretoAll = frontier(all.ufs, List.of(), options, method, budget);
            free = all.redLines.isEmpty() ? paretoAll : frontier(all.ufs, all.redLines, options, method, budget);
            boolean exists = !free.atLeast(all.reservation).isEmpty();
            if (all.redLines.isEmpty() && everyOutcomeAcceptable(all)) {
                // no reservation value above its party's lowest utility, no red line: the zone is the whole space
                zone = ZoneSize.exact(true, domain.outcomeCount());
            } else if (enumerable) {
                Enumeration.Result r = Enumeration.run(all.ufs, all.reservation, all.redLines, 0, options.threads(), false, budget);
                zone = ZoneSize.exact(exists, r.zoneCount());
            } else {
                zone = sampleZone(all, domain, options, exists);
            }
        } else {
            Enumeration.Result r = Enumeration.run(all.ufs, all.reservation, all.redLines, options.listLimit(), options.threads(), true,
                    budget);
            paretoAll = r.all();
            free = r.free();
            zone = ZoneSize.exact(r.zoneCount() > 0, r.zoneCount());
        }
        ParetoFrontier pareto = free.atLeast(all.reservation);
        BargainingSolutions solutions = BargainingSolutions.of(pareto, all.reservation);
        Diagnosis diagnosis = zone.exists() ? null : diagnose(all, free, options, method, budget);
        double total = domain.outcomeCount().doubleValue();
        Statistics stats = new Statistics(zone.count().doubleValue() / total, zone.exact(), opposition(paretoAll));
        return new Report(scenario, Arrays.stream(all.reservation).boxed().toList(), domain.outcomeCount(), zone, paretoAll, pareto,
                solutions, Optional.ofNullable(diagnosis), stats, method.label);
    }

    /** Whether {@link #frontier(List, List, Options)} can compute an exact frontier for these utilities. */
    public static boolean hasExactFrontier(List<UtilityFunction> utilities, Options options) {
        return !utilities.isEmpty()
                && Method.choose(utilities, utilities.get(0).domain().isEnumerable(options.enumerationLimit())) != null;
    }

    /**
     * The exact Pareto frontier, over the given utility functions, of the outcomes crossing none of
     * {@code redLines}, by the fastest exact method that applies. Protocols use it to decide whether
     * committed levels leave a zone ({@code frontier.atLeast(levels)} is not empty) and to find the
     * fairest package among acceptable ones.
     *
     * @throws AnalysisLimitException when the utilities are not all linear-additive or hyper-rectangle
     *                                sums and the space exceeds the enumeration limit
     */
    public static ParetoFrontier frontier(List<UtilityFunction> utilities, List<RedLine> redLines, Options options)
            throws AnalysisLimitException {
        if (utilities.isEmpty()) throw new IllegalArgumentException("A frontier needs at least one utility function");
        Domain domain = utilities.get(0).domain();
        Method method = Method.choose(utilities, domain.isEnumerable(options.enumerationLimit()));
        if (method == null) {
            throw new AnalysisLimitException("The domain has " + domain.outcomeCount() + " outcomes and utilities that are not all "
                    + "linear-additive; exact analysis enumerates at most " + options.enumerationLimit() + " outcomes");
        }
        try {
            return frontier(utilities, redLines, options, method, new WorkBudget(options.maxWork()));
        } catch (WorkBudget.Exceeded e) {
            throw workLimit(options);
        }
    }

    /** The parties' utilities, reservation values and red lines, as arrays. */
    private record Problem(List<String> names, List<UtilityFunction> ufs, double[] reservation, List<RedLine> redLines,
                           List<String> redLineOwners) {
        static Problem of(List<Party> parties) {
            List<String> names = new ArrayList<>();
            List<UtilityFunction> ufs = new ArrayList<>();
            double[] r = new double[parties.size()];
            List<RedLine> lines = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            for (int k = 0; k < parties.size(); k++) {
                Profile p = parties.get(k).profile();
                names.add(parties.get(k).name());
                ufs.add(p.utility());
                r[k] = p.reservation();
                for (RedLine line : p.redLines()) {
                    lines.add(line);
                    owners.add(parties.get(k).name());
                }
            }
            return new Problem(names, ufs, r, lines, owners);
        }
    }

    /** How a frontier is computed. */
    enum Method {
        MERGE("linear-additive merge"), RECTANGLES("hyper-rectangle branch and bound"), ENUMERATION("enumeration");

        final String label;

        Method(String label) { this.label = label; }

        /** The fastest exact method for these utilities, or null when none applies. */
        static Method choose(List<UtilityFunction> ufs, boolean enumerable) {
            // a capped sum (GENIUS's reading of weights above 1) is not additive where the cap binds: enumerate then
            if (ufs.stream().allMatch(u -> u instanceof LinearAdditiveUtility la && la.isAdditive())) return MERGE;
            if (ufs.stream().allMatch(u -> u instanceof HyperRectangleUtility h
                    && h.aggregation() == HyperRectangleUtility.Aggregation.SUM)) return RECTANGLES;
            return enumerable ? ENUMERATION : null;
        }
    }

    /** The frontier of the outcomes crossing none of {@code lines}, by the given method, within the options' work limit. */
    static ParetoFrontier frontier(List<UtilityFunction> ufs, List<RedLine> lines, Options o, Method method)
            throws AnalysisLimitException {
        try {
            return frontier(ufs, lines, o, method, new WorkBudget(o.maxWork()));
        } catch (WorkBudget.Exceeded e) {
            throw workLimit(o);
        }
    }

    /** The frontier of the outcomes crossing none of {@code lines}. */
    static ParetoFrontier frontier(List<UtilityFunction> ufs, List<RedLine> lines, Options o, Method method, WorkBudget budget)
            throws AnalysisLimitException {
        if (method == Method.MERGE) {
            List<LinearAdditiveUtility> la = ufs.stream().map(u -> (LinearAdditiveUtility) u).toList();
            return exactUtilities(LinearAdditiveFrontier.compute(la, lines, Math.max(1, o.listLimit()), o.maxCandidates(), budget), ufs,
                    Math.max(1, o.listLimit()), budget);
        }
        if (method == Method.RECTANGLES) {
            List<HyperRectangleUtility> hr = ufs.stream().map(u -> (HyperRectangleUtility) u).toList();
            return exactUtilities(HyperRectangleFrontier.compute(hr, lines, Math.max(1, o.listLimit()), o.maxCandidates(), budget), ufs,
                    Math.max(1, o.listLimit()), budget);
        }
        double[] none = new double[ufs.size()];
        java.util.Arrays.fill(none, Double.NEGATIVE_INFINITY);
        return Enumeration.run(ufs, none, lines, o.listLimit(), o.threads(), true, budget).free();
    }

    /**
     * The points with their utilities recomputed by the utility functions from each point's first
     * outcome. The merge and the branch and bound add terms in another order than
     * {@link UtilityFunction#utility(int[])} does; recomputing makes the frontier compare with
     * reservation values exactly as zone membership does (no disagreement in the last bit).
     */
    private static ParetoFrontier exactUtilities(ParetoFrontier f, List<UtilityFunction> ufs, int listLimit,
                                                 WorkBudget budget) {
        int n = ufs.size();
        List<FrontierPoint> points = new ArrayList<>();
        double[] flat = new double[f.size() * n];
        boolean roundedOtherwise = false;
        for (FrontierPoint p : f.points()) {
            int[] o = p.outcomes().get(0);
            double[] u = new double[n];
            for (int k = 0; k < u.length; k++) {
                u[k] = ufs.get(k).utility(o);
                roundedOtherwise |= Dominance.key(u[k]) != Dominance.key(p.utility(k));
            }
            System.arraycopy(u, 0, flat, points.size() * n, n);
            points.add(new FrontierPoint(u, p.tied(), p.outcomes()));
        }
        if (!roundedOtherwise) return new ParetoFrontier(f.parties(), points);
        // a utility within rounding of a half grid step rounded otherwise than the search's sum did:
        // filter once more with the recomputed utilities, so the frontier obeys the definition on them
        int[][] groups = Dominance.nondominated(flat, n, points.size(), budget);
        if (groups.length == points.size()) return new ParetoFrontier(f.parties(), points);
        List<FrontierPoint> kept = new ArrayList<>();
        for (int[] g : groups) {
            FrontierPoint first = points.get(g[0]);
            java.math.BigInteger tied = java.math.BigInteger.ZERO;
            List<int[]> outcomes = new ArrayList<>();
            for (int q : g) {
                tied = tied.add(points.get(q).tied());
                outcomes.addAll(points.get(q).outcomes());
            }
            kept.add(new FrontierPoint(first.utilities(), tied, outcomes.subList(0, Math.min(outcomes.size(), listLimit))));
        }
        return new ParetoFrontier(f.parties(), kept);
    }

    /**
     * Whether every party's reservation value is at most its lowest utility, as far as that is known
     * without enumerating: linear-additive utilities know theirs; hyper-rectangle utilities with no
     * negative rectangle value, scale or cap never go below 0.
     */
    private static boolean everyOutcomeAcceptable(Problem p) {
        for (int k = 0; k < p.ufs.size(); k++) {
            UtilityFunction u = p.ufs.get(k);
            double lowest;
            if (u instanceof LinearAdditiveUtility la) {
                // the lowest term of each issue, added in issue order as utility() adds: a true lower bound, bit for bit
                lowest = la.minUtility();
            } else if (u instanceof HyperRectangleUtility h && h.scale() >= 0 && h.cap() >= 0
                    && h.rectangles().stream().allMatch(r -> r.utility() >= 0)) {
                lowest = 0;
            } else {
                return false;
            }
            if (!(lowest >= p.reservation[k])) return false;
        }
        return true;
    }

    private static ZoneSize sampleZone(Problem p, Domain d, Options o, boolean exists) {
        SplittableRandom random = new SplittableRandom(o.seed());
        int[] sizes = d.sizes();
        int[] outcome = new int[sizes.length];
        long hits = 0;
        int n = o.samples();
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < sizes.length; i++) outcome[i] = random.nextInt(sizes[i]);
            if (inZone(p, outcome)) hits++;
        }
        double phat = (double) hits / n;
        double z = 1.959963984540054;
        double denom = 1 + z * z / n;
        double centre = (phat + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(phat * (1 - phat) / n + z * z / (4.0 * n * n)) / denom;
        java.math.BigDecimal total = new java.math.BigDecimal(d.outcomeCount());
        BigInteger est = total.multiply(java.math.BigDecimal.valueOf(phat)).toBigInteger();
        BigInteger lo = total.multiply(java.math.BigDecimal.valueOf(Math.max(0, centre - half))).toBigInteger();
        BigInteger hi = total.multiply(java.math.BigDecimal.valueOf(Math.min(1, centre + half))).toBigInteger();
        if (exists && est.signum() == 0) est = BigInteger.ONE;   // the frontier proves at least one
        if (exists && lo.signum() == 0) lo = BigInteger.ONE;
        return new ZoneSize(exists, est, false, lo, hi, n, hits);
    }

    private static boolean inZone(Problem p, int[] outcome) {
        for (int k = 0; k < p.ufs.size(); k++) {
            if (p.ufs.get(k).utility(outcome) < p.reservation[k]) return false;
        }
        for (RedLine r : p.redLines) if (r.crossedBy(outcome)) return false;
        return true;
    }

    /** Smallest distance from a frontier point to the ideal point (every party's best utility). */
    private static double opposition(ParetoFrontier f) {
        int n = f.parties();
        double[] ideal = new double[n];
        java.util.Arrays.fill(ideal, Double.NEGATIVE_INFINITY);
        for (FrontierPoint p : f.points()) for (int k = 0; k < n; k++) ideal[k] = Math.max(ideal[k], p.utility(k));
        return f.distanceTo(ideal);
    }

    private static Diagnosis diagnose(Problem p, ParetoFrontier free, Options o, Method linear, WorkBudget budget) throws AnalysisLimitException {
        int n = p.ufs.size();
        double[] r = p.reservation;
        // uniform lowering: min over points of the largest shortfall
        Optional<Diagnosis.Move> uniform = Optional.empty();
        if (!free.isEmpty()) {
            double best = Double.POSITIVE_INFINITY;
            for (FrontierPoint q : free.points()) best = Math.min(best, shortfall(q, r, -1));
            double[] lowered = r.clone();
            for (int k = 0; k < n; k++) lowered[k] -= best;
            ParetoFrontier opened = free.atLeast(lowered);
            uniform = Optional.of(new Diagnosis.Move(best, opened.points(), BargainingSolutions.of(opened, lowered).nash()));
        }
        List<Diagnosis.PartyMove> single = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double best = Double.NEGATIVE_INFINITY;
            for (FrontierPoint q : free.points()) if (shortfall(q, r, j) <= 0) best = Math.max(best, q.utility(j));
            if (best == Double.NEGATIVE_INFINITY) {
                single.add(new Diagnosis.PartyMove(p.names.get(j), java.util.OptionalDouble.empty(), List.of(), List.of()));
            } else {
                double[] lowered = r.clone();
                lowered[j] = best;
                ParetoFrontier opened = free.atLeast(lowered);
                single.add(new Diagnosis.PartyMove(p.names.get(j), java.util.OptionalDouble.of(r[j] - best), opened.points(),
                        BargainingSolutions.of(opened, lowered).nash()));
            }
        }
        List<Diagnosis.RedLineMove> drops = new ArrayList<>();
        for (int l = 0; l < p.redLines.size(); l++) {
            List<RedLine> others = new ArrayList<>(p.redLines);
            others.remove(l);
            ParetoFrontier opened = frontier(p.ufs, others, o, linear, budget).atLeast(r);
            if (!opened.isEmpty()) {
                RedLine line = p.redLines.get(l);
                drops.add(new Diagnosis.RedLineMove(p.redLineOwners.get(l), line.description(),
                        BargainingSolutions.of(opened, r).nash()));
            }
        }
        return new Diagnosis(blockingSets(p, o, linear, budget), uniform, single, drops);
    }

    /** The largest amount by which a point falls short of the reservation values, ignoring party {@code skip}. */
    private static double shortfall(FrontierPoint q, double[] r, int skip) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < r.length; k++) if (k != skip) worst = Math.max(worst, r[k] - q.utility(k));
        return worst == Double.NEGATIVE_INFINITY ? 0 : worst;
    }

    /** The minimal sets of parties with no acceptable outcome in common, smallest first. */
    private static List<Diagnosis.BlockingSet> blockingSets(Problem p, Options o, Method linear, WorkBudget budget) throws AnalysisLimitException {
        int n = p.ufs.size();
        if (n > 12) return List.of();
        List<Integer> blocking = new ArrayList<>();
        List<Diagnosis.BlockingSet> out = new ArrayList<>();
        for (int size = 1; size <= n; size++) {
            for (int mask = 1; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != size) continue;
                boolean superset = false;
                for (int b : blocking) if ((mask & b) == b) { superset = true; break; }
                if (superset) continue;
                List<Integer> members = new ArrayList<>();
                for (int k = 0; k < n; k++) if ((mask & (1 << k)) != 0) members.add(k);
                List<UtilityFunction> ufs = new ArrayList<>();
                double[] r = new double[members.size()];
                for (int j = 0; j < members.size(); j++) {
                    ufs.add(p.ufs.get(members.get(j)));
                    r[j] = p.reservation[members.get(j)];
                }
                List<RedLine> lines = new ArrayList<>();
                for (int l = 0; l < p.redLines.size(); l++) {
                    if (members.contains(p.names.indexOf(p.redLineOwners.get(l)))) lines.add(p.redLines.get(l));
                }
                ParetoFrontier f = frontier(ufs, lines, o, linear, budget);
                if (f.atLeast(r).isEmpty()) {
                    blocking.add(mask);
                    out.add(new Diagnosis.BlockingSet(members.stream().map(p.names::get).toList(), clashes(f, ufs, r, p, members)));
                }
            }
        }
        return out;
    }

    /** The issues where the set's closest-to-feasible package makes its parties give up utility, largest loss first. */
    private static List<Diagnosis.IssueClash> clashes(ParetoFrontier f, List<UtilityFunction> ufs, double[] r, Problem p,
                                                       List<Integer> members) {
        if (f.isEmpty() || f.points().get(0).outcomes().isEmpty()) return List.of();
        FrontierPoint closest = null;
        double best = Double.POSITIVE_INFINITY;
        for (FrontierPoint q : f.points()) {
            double s = shortfall(q, r, -1);
            if (s < best) { best = s; closest = q; }
        }
        int[] outcome = closest.outcomes().get(0);
        Domain d = ufs.get(0).domain();
        List<Diagnosis.IssueClash> out = new ArrayList<>();
        List<double[]> totals = new ArrayList<>();
        for (int i = 0; i < d.issueCount(); i++) {
            double[] loss = new double[ufs.size()];
            double[] bestU = new double[ufs.size()];
            java.util.Arrays.fill(bestU, Double.NEGATIVE_INFINITY);
            int[] probe = outcome.clone();
            boolean shared = false;
            double[] base = new double[ufs.size()];
            for (int k = 0; k < ufs.size(); k++) base[k] = ufs.get(k).utility(outcome);
            double[][] at = new double[d.issue(i).size()][ufs.size()];
            for (int v = 0; v < d.issue(i).size(); v++) {
                probe[i] = v;
                for (int k = 0; k < ufs.size(); k++) {
                    at[v][k] = ufs.get(k).utility(probe);
                    bestU[k] = Math.max(bestU[k], at[v][k]);
                }
            }
            for (int v = 0; v < at.length && !shared; v++) {
                boolean all = true;
                for (int k = 0; k < ufs.size(); k++) if (at[v][k] < bestU[k] - 1e-9) { all = false; break; }
                shared = all;
            }
            double sum = 0;
            for (int k = 0; k < ufs.size(); k++) {
                loss[k] = Math.max(0, bestU[k] - base[k]);
                sum += loss[k];
            }
            if (!shared && sum > 1e-9) {
                out.add(new Diagnosis.IssueClash(d.issue(i).name(), loss));
                totals.add(new double[] {sum});
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) order.add(k);
        order.sort((a, b) -> Double.compare(totals.get(b)[0], totals.get(a)[0]));
        return order.stream().map(out::get).toList();
    }
}
