package org.pourparler.model;

import java.util.Arrays;
import java.util.List;

/**
 * Utility as a weighted sum over issues: {@code u(o) = sum_i w_i * f_i(o_i)}, weights normalised to
 * sum to 1. Each term {@code w_i * f_i(v)} is precomputed into a primitive table per issue, so one
 * evaluation is one table look-up and one addition per issue.
 *
 * <pre>{@code
 * LinearAdditiveUtility u = LinearAdditiveUtility.of(domain, new double[] {2, 1},
 *         List.of(new ValueFunction.Table(new double[] {1, 0}), new ValueFunction.Table(new double[] {0, 0.5, 1})));
 * double v = u.utility(new int[] {0, 2});   // (2*1 + 1*1) / 3 = 1.0
 * }</pre>
 */
public final class LinearAdditiveUtility implements UtilityFunction {
    /** The most options one issue may have here: its terms are tabulated. */
    public static final int MAX_TABLE_OPTIONS = 1 << 24;
    /** Weights whose sum is this close to 1 count as normalised in {@link #ofNormalised}. */
    public static final double NORMALISED_TOLERANCE = 1e-9;

    private final Domain domain;
    private final double[] weights;
    private final List<ValueFunction> functions;
    /** {@code terms[i][v] = weights[i] * f_i(v)}. */
    private final double[][] terms;
    /** GENIUS's reading ({@link #asGiven}): weights not normalised, utility capped at 1. */
    private final boolean capped;

    private LinearAdditiveUtility(Domain domain, double[] rawWeights, List<ValueFunction> functions,
                                  boolean keepNormalised) {
        this(domain, rawWeights, functions, keepNormalised, false);
    }

    private LinearAdditiveUtility(Domain domain, double[] rawWeights, List<ValueFunction> functions,
                                  boolean keepNormalised, boolean asGiven) {
        int n = domain.issueCount();
        if (rawWeights.length != n || functions.size() != n) {
            throw new IllegalArgumentException("Domain '" + domain.name() + "' has " + n + " issues, but "
                    + rawWeights.length + " weights and " + functions.size() + " value functions were given");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = rawWeights[i];
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("The weight of issue '" + domain.issue(i).name()
                        + "' must be a finite number >= 0, but was " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("The weights of domain '" + domain.name() + "' are all zero");
        }
        this.domain = domain;
        this.capped = asGiven;
        this.weights = new double[n];
        if (sum == Double.POSITIVE_INFINITY) {
            // finite weights near 1e308 overflow their sum: divide by the largest first (then the sum is at most n)
            double max = 0;
            for (double w : rawWeights) max = Math.max(max, w);
            double scaled = 0;
            for (double w : rawWeights) scaled += w / max;
            for (int i = 0; i < n; i++) weights[i] = rawWeights[i] / max / scaled;
        } else {
            for (int i = 0; i < n; i++) {
                boolean keep = asGiven || sum == 1.0 || (keepNormalised && Math.abs(sum - 1.0) <= NORMALISED_TOLERANCE);
                weights[i] = keep ? rawWeights[i] : rawWeights[i] / sum;
            }
        }
        this.functions = List.copyOf(functions);
        this.terms = new double[n][];
        for (int i = 0; i < n; i++) {
            Issue issue = domain.issue(i);
            ValueFunction f = this.functions.get(i);
            f.checkFits(issue);
            if (issue.size() > MAX_TABLE_OPTIONS) {
                throw new IllegalArgumentException("Issue '" + issue.name() + "' has " + issue.size()
                        + " options; a linear-additive utility tabulates at most " + MAX_TABLE_OPTIONS
                        + " per issue (use a coarser grid)");
            }
            double[] t = new double[issue.size()];
            for (int v = 0; v < t.length; v++) {
                t[v] = weights[i] * f.valueOf(issue, v);
            }
            terms[i] = t;
        }
    }

    /**
     * A linear-additive utility; weights need not sum to 1 (they are divided by their sum), but must
     * be finite, non-negative and not all zero.
     */
    public static LinearAdditiveUtility of(Domain domain, double[] weights, List<? extends ValueFunction> functions) {
        return new LinearAdditiveUtility(domain, weights.clone(), List.copyOf(functions), false);
    }

    /**
     * Like {@link #of}, but weights that already sum to 1 within {@link #NORMALISED_TOLERANCE} are
     * kept bit for bit. Normalised weights often sum to 0.9999999999999999, and {@link #of} would
     * divide them again and change their last bits; with this factory
     * {@code ofNormalised(d, u.weights(), u.functions()).equals(u)} always holds, so a scenario
     * written to a file and read back is equal to the original.
     */
    public static LinearAdditiveUtility ofNormalised(Domain domain, double[] weights,
                                                     List<? extends ValueFunction> functions) {
        return new LinearAdditiveUtility(domain, weights.clone(), List.copyOf(functions), true);
    }

    /**
     * A linear-additive utility as GENIUS's {@code AdditiveUtilitySpace} computes it: the weights as
     * given (not divided by their sum) and the sum capped at 1. Used when GENIUS files are read under
     * GENIUS conventions. The cap is applied to {@link #utility}, {@link #utilities}, {@link #maxUtility}
     * and {@link #minUtility}; {@link #term}s stay uncapped.
     */
    public static LinearAdditiveUtility asGiven(Domain domain, double[] weights, List<? extends ValueFunction> functions) {
        return new LinearAdditiveUtility(domain, weights.clone(), List.copyOf(functions), false, true);
    }

    /** Whether the weights are kept as given and the utility capped at 1 ({@link #asGiven}). */
    public boolean capped() { return capped; }

    @Override public Domain domain() { return domain; }

    @Override public String kind() { return "linear-additive"; }

    /** The normalised weights (a copy). */
    public double[] weights() { return weights.clone(); }

    public double weight(int issue) { return weights[issue]; }

    public List<ValueFunction> functions() { return functions; }

    /** The unweighted value of option {@code value} of issue {@code issue}. */
    public double value(int issue, int value) {
        return functions.get(issue).valueOf(domain.issue(issue), value);
    }

    /** The weighted term {@code w_i * f_i(v)} of one issue and option. */
    public double term(int issue, int value) { return terms[issue][value]; }

    /** The weighted terms of one issue, one per option (a copy). */
    public double[] terms(int issue) { return terms[issue].clone(); }

    @Override
    public double utility(int[] outcome) {
        double u = 0;
        for (int i = 0; i < terms.length; i++) {
            u += terms[i][outcome[i]];
        }
        return capped && u > 1 ? 1 : u;
    }

    /**
     * Whether every outcome's utility is exactly the sum of its {@link #term}s: always, unless the
     * utility is {@linkplain #capped capped} and some outcome's terms sum above 1 (GENIUS files whose
     * weights sum above 1, read under GENIUS conventions). Algorithms that add terms rely on it.
     */
    public boolean isAdditive() {
        if (!capped) return true;
        double u = 0;
        for (double[] t : terms) u += Arrays.stream(t).max().orElseThrow();
        return u <= 1;
    }

    /** The highest utility of any outcome (the sum of each issue's best term). */
    public double maxUtility() {
        double u = 0;
        for (double[] t : terms) u += Arrays.stream(t).max().orElseThrow();
        return capped && u > 1 ? 1 : u;
    }

    /** The lowest utility of any outcome. */
    public double minUtility() {
        double u = 0;
        for (double[] t : terms) u += Arrays.stream(t).min().orElseThrow();
        return capped && u > 1 ? 1 : u;
    }

    /**
     * Writes the utilities of outcomes {@code first, first+1, ...} into {@code out}, in the domain's
     * numbering. Keeps running partial sums, so the cost is about one addition per outcome.
     */
    public void utilities(long first, double[] out) {
        if (out.length == 0) return;
        long count = domain.outcomeCountExact();
        if (first < 0 || first + out.length > count) {
            throw new IndexOutOfBoundsException("Outcomes " + first + ".." + (first + out.length - 1)
                    + " are outside 0.." + (count - 1));
        }
        int n = terms.length;
        int[] v = domain.outcomeAt(first);
        double[] prefix = new double[n];   // prefix[i] = sum of terms of issues < i
        for (int i = 1; i < n; i++) prefix[i] = prefix[i - 1] + terms[i - 1][v[i - 1]];
        double[] lastTerms = terms[n - 1];
        int lastSize = lastTerms.length;
        int k = 0;
        while (k < out.length) {
            double base = prefix[n - 1];
            int stop = Math.min(lastSize, v[n - 1] + (out.length - k));
            for (int j = v[n - 1]; j < stop; j++) out[k++] = base + lastTerms[j];
            if (k == out.length) break;
            // carry into the more significant issues
            v[n - 1] = 0;
            int i = n - 2;
            while (i >= 0 && ++v[i] == terms[i].length) v[i--] = 0;
            for (int j = Math.max(i, 0) + 1; j < n; j++) prefix[j] = prefix[j - 1] + terms[j - 1][v[j - 1]];
        }
        if (capped) for (int j = 0; j < out.length; j++) if (out[j] > 1) out[j] = 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearAdditiveUtility u && u.domain.equals(domain)
                && Arrays.equals(u.weights, weights) && u.functions.equals(functions) && u.capped == capped;
    }

    @Override public int hashCode() { return Arrays.hashCode(weights) * 31 + functions.hashCode(); }

    @Override public String toString() { return "LinearAdditiveUtility" + Arrays.toString(weights); }
}
