package org.pourparler.analysis;

import java.util.List;
import java.util.stream.IntStream;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.RedLine;
import org.pourparler.model.UtilityFunction;

/**
 * One parallel pass over every outcome of an enumerable domain: the frontier of all outcomes, the
 * frontier of the outcomes crossing no red line, and the size of the agreement zone. Results do not
 * depend on the number of threads.
 */
final class Enumeration {
    static final int CHUNK = 1 << 14;

    record Result(ParetoFrontier all, ParetoFrontier free, long zoneCount, long freeCount) { }

    private Enumeration() { }

    /**
     * @param ufs         one utility per party, same domain
     * @param reservation the zone's thresholds, one per party
     * @param lines       red lines: an outcome crossing any is outside the zone and the free frontier
     */
    static Result run(List<UtilityFunction> ufs, double[] reservation, List<RedLine> lines, int listLimit, int parallelism,
                      boolean frontiers) {
        return run(ufs, reservation, lines, listLimit, parallelism, frontiers, WorkBudget.UNLIMITED);
    }

    /** As above, charging every outcome and comparison to {@code budget}. */
    static Result run(List<UtilityFunction> ufs, double[] reservation, List<RedLine> lines, int listLimit, int parallelism,
                      boolean frontiers, WorkBudget budget) {
        Domain d = ufs.get(0).domain();
        long total = d.outcomeCountExact();
        int n = ufs.size();
        boolean redLines = !lines.isEmpty();
        long chunks = (total + CHUNK - 1) / CHUNK;
        int parts = (int) Math.max(1, Math.min(chunks, Math.max(1, parallelism) * 8L));
        Part[] results = new Part[parts];
        IntStream stream = IntStream.range(0, parts);
        if (parallelism > 1) stream = stream.parallel();
        stream.forEach(p -> {
            long from = chunks * p / parts * CHUNK;
            long to = Math.min(total, chunks * (p + 1) / parts * CHUNK);
            results[p] = scan(ufs, reservation, lines, from, to, listLimit, frontiers, budget);
        });
        Part all = results[0];
        for (int p = 1; p < parts; p++) {
            all.all.addAll(results[p].all);
            if (redLines) all.free.addAll(results[p].free);
            all.zone += results[p].zone;
            all.freeCount += results[p].freeCount;
        }
        ParetoFrontier fAll = all.all.toFrontier(d);
        ParetoFrontier fFree = redLines ? all.free.toFrontier(d) : fAll;
        return new Result(fAll, fFree, all.zone, all.freeCount);
    }

    private static final class Part {
        final FrontierAccumulator all;
        final FrontierAccumulator free;
        long zone;
        long freeCount;

        Part(int n, int limit, boolean redLines, WorkBudget budget) {
            all = new FrontierAccumulator(n, limit, budget);
            free = redLines ? new FrontierAccumulator(n, limit, budget) : all;
        }
    }

    private static Part scan(List<UtilityFunction> utilities, double[] reservation, List<RedLine> lines, long from, long to,
                             int listLimit, boolean frontiers, WorkBudget budget) {
        Domain d = utilities.get(0).domain();
        int n = utilities.size();
        boolean redLines = !lines.isEmpty();
        RedLine[] rl = lines.toArray(new RedLine[0]);
        Part part = new Part(n, listLimit, redLines, budget);
        UtilityFunction[] ufs = utilities.toArray(new UtilityFunction[0]);
        int[] sizes = d.sizes();
        int issues = sizes.length;
        double[][] buf = new double[n][CHUNK];
        double[] v = new double[n];
        int[] o = new int[issues];
        for (long start = from; start < to; start += CHUNK) {
            int len = (int) Math.min(CHUNK, to - start);
            budget.charge(len);
            double[][] chunk = new double[n][];
            for (int k = 0; k < n; k++) {
                if (ufs[k] instanceof LinearAdditiveUtility la) {
                    double[] b = len == CHUNK ? buf[k] : new double[len];
                    la.utilities(start, b);
                    chunk[k] = b;
                }
            }
            d.outcomeAt(start, o);
            for (int j = 0; j < len; j++) {
                for (int k = 0; k < n; k++) v[k] = chunk[k] != null ? chunk[k][j] : ufs[k].utility(o);
                long index = start + j;
                if (frontiers) part.all.offer(v, index);
                boolean crosses = false;
                if (redLines) {
                    for (RedLine r : rl) if (r.crossedBy(o)) { crosses = true; break; }
                    if (!crosses && frontiers) part.free.offer(v, index);
                }
                if (!crosses) {
                    part.freeCount++;
                    boolean inZone = true;
                    for (int k = 0; k < n; k++) if (v[k] < reservation[k]) { inZone = false; break; }
                    if (inZone) part.zone++;
                }
                // next outcome in the domain's numbering: last issue fastest
                for (int i = issues - 1; i >= 0 && ++o[i] == sizes[i]; i--) o[i] = 0;
            }
        }
        return part;
    }
}
