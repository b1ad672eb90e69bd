package org.pourparler.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a tournament's results: agents ranked by mean advantage with a 95% confidence
 * interval (Student's t over the agent's negotiations), agreement rate, mean utility and welfare,
 * faults; and a pairwise table of mean advantage against each opponent. Only negotiators' rows
 * count; rows whose advantage is undefined (best utility equal to the reservation value) are left
 * out of the means.
 */
public record Ranking(List<Standing> standings, List<String> agents, double[][] pairwise) {

    /**
     * One agent's line.
     *
     * @param negotiations the rows (negotiations × positions) it played
     * @param ci95         half-width of the 95% confidence interval of the mean advantage (NaN for one row)
     * @param faults       rows in which this agent's fault ended the negotiation
     */
    public record Standing(String agent, int negotiations, double meanAdvantage, double ci95, double agreementRate,
                           double meanUtility, double meanWelfare, int faults) { }

    /** The ranking of these rows; agents in {@code agents} order for the pairwise table (others appended). */
    public static Ranking of(List<ResultRow> rows, List<String> agentOrder) {
        List<String> agents = new ArrayList<>(agentOrder);
        for (ResultRow r : rows) if (r.role().equals("negotiator") && !agents.contains(r.agent())) agents.add(r.agent());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) index.put(agents.get(i), i);
        int a = agents.size();
        double[] sum = new double[a];
        double[] sumSq = new double[a];
        int[] n = new int[a];
        int[] rowsOf = new int[a];
        int[] agreements = new int[a];
        double[] utility = new double[a];
        double[] welfare = new double[a];
        int[] faults = new int[a];
        double[][] pairSum = new double[a][a];
        int[][] pairN = new int[a][a];
        for (ResultRow r : rows) {
            if (!r.role().equals("negotiator")) continue;
            int i = index.get(r.agent());
            rowsOf[i]++;
            if (r.agreement()) agreements[i]++;
            utility[i] += r.utility();
            welfare[i] += r.welfare();
            if (r.faultAgent().equals(r.agent())) faults[i]++;
            double adv = r.advantage();
            if (Double.isFinite(adv)) {
                sum[i] += adv;
                sumSq[i] += adv * adv;
                n[i]++;
                if (!r.opponents().isEmpty()) {
                    for (String o : r.opponents().split("\\+")) {
                        Integer j = index.get(o);
                        if (j == null) continue;
                        pairSum[i][j] += adv;
                        pairN[i][j]++;
                    }
                }
            }
        }
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            if (rowsOf[i] == 0) continue;
            double mean = n[i] == 0 ? Double.NaN : sum[i] / n[i];
            double ci = Double.NaN;
            if (n[i] > 1) {
                double var = Math.max(0, (sumSq[i] - n[i] * mean * mean) / (n[i] - 1));
                ci = studentT975(n[i] - 1) * Math.sqrt(var / n[i]);
            }
            standings.add(new Standing(agents.get(i), rowsOf[i], mean, ci, (double) agreements[i] / rowsOf[i], utility[i] / rowsOf[i],
                    welfare[i] / rowsOf[i], faults[i]));
        }
        standings.sort(Comparator.comparingDouble((Standing s) -> Double.isNaN(s.meanAdvantage()) ? Double.NEGATIVE_INFINITY : s.meanAdvantage())
                .reversed().thenComparing(Standing::agent));
        double[][] pairwise = new double[a][a];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < a; j++) pairwise[i][j] = pairN[i][j] == 0 ? Double.NaN : pairSum[i][j] / pairN[i][j];
        }
        return new Ranking(List.copyOf(standings), List.copyOf(agents), pairwise);
    }

    /**
     * The 97.5% quantile of Student's t with {@code df} degrees of freedom: up to 1000 degrees by
     * bisection on the exact closed-form distribution for integer degrees (Abramowitz and Stegun
     * 26.7.3–4), above by the Cornish–Fisher expansion around the normal quantile (error below 1e-9 there).
     */
    static double studentT975(int df) {
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, but were " + df);
        if (df > 1000) {
            double z = 1.959963984540054;
            double z3 = z * z * z;
            double z5 = z3 * z * z;
            double z7 = z5 * z * z;
            double v = df;
            return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
        }
        double lo = 0;
        double hi = 20;
        if (df == 1) hi = 100;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = (lo + hi) / 2;
            if (centralProbability(mid, df) < 0.95) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** P(|T| <= t) for Student's t with integer {@code df} degrees of freedom. */
    static double centralProbability(double t, int df) {
        double theta = Math.atan(t / Math.sqrt(df));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double s = Math.sin(theta);
        if (df % 2 == 0) {
            double term = 1;
            double sum = 1;
            for (int k = 2; k <= df - 2; k += 2) {
                term *= c2 * (k - 1) / k;
                sum += term;
            }
            return s * sum;
        }
        if (df == 1) return 2 * theta / Math.PI;
        double term = Math.cos(theta);
        double sum = term;
        for (int k = 3; k <= df - 2; k += 2) {
            term *= c2 * (k - 1) / k;
            sum += term;
        }
        return 2 / Math.PI * (theta + s * sum);
    }
}
