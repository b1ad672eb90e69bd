package org.pourparler.model;

import java.util.List;

/**
 * A constraint-based (nonlinear) utility, as in the ANAC 2014 scenarios: a set of hyper-rectangles
 * in option-index space, each with a utility; an outcome earns the utility of every rectangle it
 * lies in, combined by {@link Aggregation}, times {@code scale} (GENIUS: 1 / maxutility, the
 * outermost ufun's weight being ignored), and lowered to {@code cap} when above it (GENIUS: 1;
 * uncapped by default).
 */
public final class HyperRectangleUtility implements UtilityFunction {

    /** How the utilities of the rectangles an outcome lies in are combined. */
    public enum Aggregation { SUM, MAX, MIN }

    /** The closed range {@code min..max} of option indexes of one issue. */
    public record Bound(int issue, int min, int max) {
        public Bound {
            if (min > max) {
                throw new IllegalArgumentException("A bound on issue " + issue + " has min " + min + " above max " + max);
            }
        }

        boolean contains(int[] outcome) {
            int v = outcome[issue];
            return v >= min && v <= max;
        }
    }

    /**
     * A rectangle: an outcome lies in it when it is inside every {@code includes} bound and outside
     * every {@code excludes} bound.
     */
    public record Rectangle(double utility, List<Bound> includes, List<Bound> excludes) {
        public Rectangle {
            if (!Double.isFinite(utility)) {
                throw new IllegalArgumentException("A hyper-rectangle's utility must be finite, but was " + utility);
            }
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
        }

        public boolean contains(int[] outcome) {
            for (Bound b : includes) if (!b.contains(outcome)) return false;
            for (Bound b : excludes) if (b.contains(outcome)) return false;
            return true;
        }
    }

    private final Domain domain;
    private final List<Rectangle> rectangles;
    private final Aggregation aggregation;
    private final double scale;
    private final double cap;
    // flattened for the hot path
    private final double[] utils;
    private final int[][] inc;   // per rectangle: issue, min, max triples
    private final int[][] exc;

    private HyperRectangleUtility(Domain domain, List<Rectangle> rectangles, Aggregation aggregation, double scale,
                                  double cap) {
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("The scale of a hyper-rectangle utility must be finite, but was " + scale);
        }
        if (Double.isNaN(cap)) {
            throw new IllegalArgumentException("The cap of a hyper-rectangle utility must be a number or infinity");
        }
        this.cap = cap;
        this.domain = domain;
        this.rectangles = List.copyOf(rectangles);
        this.aggregation = aggregation;
        this.scale = scale;
        int n = this.rectangles.size();
        utils = new double[n];
        inc = new int[n][];
        exc = new int[n][];
        for (int r = 0; r < n; r++) {
            Rectangle rect = this.rectangles.get(r);
            utils[r] = rect.utility();
            inc[r] = flatten(domain, rect.includes());
            exc[r] = flatten(domain, rect.excludes());
        }
    }

    private static int[] flatten(Domain domain, List<Bound> bounds) {
        int[] f = new int[bounds.size() * 3];
        for (int k = 0; k < bounds.size(); k++) {
            Bound b = bounds.get(k);
            if (b.issue() < 0 || b.issue() >= domain.issueCount()) {
                throw new IllegalArgumentException("A hyper-rectangle bounds issue " + b.issue()
                        + ", but domain '" + domain.name() + "' has issues 0.." + (domain.issueCount() - 1));
            }
            f[3 * k] = b.issue();
            f[3 * k + 1] = b.min();
            f[3 * k + 2] = b.max();
        }
        return f;
    }

    public static HyperRectangleUtility of(Domain domain, List<Rectangle> rectangles, Aggregation aggregation, double scale) {
        return new HyperRectangleUtility(domain, rectangles, aggregation, scale, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #of(Domain, List, Aggregation, double)}, with every utility above {@code cap}
     * lowered to {@code cap}: GENIUS caps nonlinear utilities at 1, and in some ANAC 2014 profiles
     * the rectangles do reach above {@code maxutility}.
     */
    public static HyperRectangleUtility of(Domain domain, List<Rectangle> rectangles, Aggregation aggregation, double scale,
                                           double cap) {
        return new HyperRectangleUtility(domain, rectangles, aggregation, scale, cap);
    }

    @Override public Domain domain() { return domain; }
    @Override public String kind() { return "hyper-rectangle"; }
    public List<Rectangle> rectangles() { return rectangles; }
    public Aggregation aggregation() { return aggregation; }
    public double scale() { return scale; }
    /** The largest utility; {@code +Infinity} when uncapped. */
    public double cap() { return cap; }

    @Override
    public double utility(int[] outcome) {
        double acc = switch (aggregation) {
            case SUM -> 0.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
        boolean any = false;
        for (int r = 0; r < utils.length; r++) {
            if (inside(inc[r], outcome, true) && inside(exc[r], outcome, false)) {
                any = true;
                double u = utils[r];
                acc = switch (aggregation) {
                    case SUM -> acc + u;
                    case MAX -> Math.max(acc, u);
                    case MIN -> Math.min(acc, u);
                };
            }
        }
        double u = any ? acc * scale : 0.0;
        return u > cap ? cap : u;
    }

    /** With {@code want} true: inside every bound; false: outside every bound. */
    private static boolean inside(int[] f, int[] outcome, boolean want) {
        for (int k = 0; k < f.length; k += 3) {
            int v = outcome[f[k]];
            boolean in = v >= f[k + 1] && v <= f[k + 2];
            if (in != want) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperRectangleUtility h && h.domain.equals(domain) && h.rectangles.equals(rectangles)
                && h.aggregation == aggregation && Double.compare(h.scale, scale) == 0
                && Double.compare(h.cap, cap) == 0;
    }

    @Override public int hashCode() { return rectangles.hashCode() * 31 + Double.hashCode(scale); }
}
