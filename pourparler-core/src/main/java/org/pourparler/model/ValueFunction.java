package org.pourparler.model;

import java.util.Arrays;

/**
 * How one party values the options of one issue, before the issue weight is applied. A
 * {@link Table} gives one number per option (any issue); the other kinds are functions of the
 * numeric value of an option (integer and real issues).
 */
public sealed interface ValueFunction
        permits ValueFunction.Table, ValueFunction.Linear, ValueFunction.Triangular,
                ValueFunction.PiecewiseLinear, ValueFunction.Constant {

    /** The value of option {@code index} of {@code issue}. */
    double valueOf(Issue issue, int index);

    /** Checks that this function can evaluate every option of {@code issue}. */
    void checkFits(Issue issue);

    /** One value per option, in option order. */
    record Table(double[] values) implements ValueFunction {
        public Table {
            values = values.clone();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("The value of option " + i + " must be a finite number, but was " + values[i]);
                }
            }
        }

        @Override public double[] values() { return values.clone(); }

        @Override public double valueOf(Issue issue, int index) { return values[index]; }

        @Override
        public void checkFits(Issue issue) {
            if (values.length != issue.size()) {
                throw new IllegalArgumentException("Issue '" + issue.name() + "' has " + issue.size()
                        + " options, but " + values.length + " values were given");
            }
        }

        @Override public boolean equals(Object o) { return o instanceof Table t && Arrays.equals(t.values, values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return "Table" + Arrays.toString(values); }
    }

    /**
     * {@code intercept + slope * x}; when {@code clamped}, limited to [0, 1] (GENIUS integer issues).
     */
    record Linear(double slope, double intercept, boolean clamped) implements ValueFunction {
        public Linear {
            requireFinite("slope", slope);
            requireFinite("intercept", intercept);
        }

        public double at(double x) {
            double v = intercept + slope * x;
            return clamped ? Math.max(0.0, Math.min(1.0, v)) : v;
        }

        @Override public double valueOf(Issue issue, int index) { return at(issue.numericValue(index)); }
        @Override public void checkFits(Issue issue) { requireNumeric(issue, "linear"); }
    }

    /**
     * 0 at {@code low} and {@code high}, 1 at {@code peak}, linear in between, 0 outside [low, high].
     */
    record Triangular(double low, double peak, double high) implements ValueFunction {
        public Triangular {
            requireFinite("low", low);
            requireFinite("peak", peak);
            requireFinite("high", high);
            if (!(low <= peak && peak <= high) || low == high) {
                throw new IllegalArgumentException("A triangular function needs low <= peak <= high and low < high, but was "
                        + low + ", " + peak + ", " + high);
            }
        }

        public double at(double x) {
            if (x < low || x > high) return 0.0;
            if (x == peak) return 1.0;
            return x < peak ? (x - low) / (peak - low) : (high - x) / (high - peak);
        }

        @Override public double valueOf(Issue issue, int index) { return at(issue.numericValue(index)); }
        @Override public void checkFits(Issue issue) { requireNumeric(issue, "triangular"); }
    }

    /**
     * Linear interpolation between points {@code (x[i], y[i])}, x strictly increasing. Outside the
     * first and last point the value is {@code y[0]} and {@code y[last]}, or 0 when
     * {@code zeroOutside} (GeniusWeb number utilities).
     */
    record PiecewiseLinear(double[] x, double[] y, boolean zeroOutside) implements ValueFunction {
        public PiecewiseLinear {
            x = x.clone();
            y = y.clone();
            if (x.length == 0 || x.length != y.length) {
                throw new IllegalArgumentException("A piecewise-linear function needs as many x as y values, at least one; got "
                        + x.length + " and " + y.length);
            }
            for (int i = 0; i < x.length; i++) {
                requireFinite("x[" + i + "]", x[i]);
                requireFinite("y[" + i + "]", y[i]);
                if (i > 0 && !(x[i] > x[i - 1])) {
                    throw new IllegalArgumentException("Points of a piecewise-linear function must have increasing x, but x["
                            + i + "] = " + x[i] + " follows " + x[i - 1]);
                }
            }
        }

        @Override public double[] x() { return x.clone(); }
        @Override public double[] y() { return y.clone(); }

        public double at(double v) {
            int last = x.length - 1;
            if (v < x[0]) return zeroOutside ? 0.0 : y[0];
            if (v > x[last]) return zeroOutside ? 0.0 : y[last];
            int i = Arrays.binarySearch(x, v);
            if (i >= 0) return y[i];
            int hi = -i - 1;
            int lo = hi - 1;
            return y[lo] + (y[hi] - y[lo]) * (v - x[lo]) / (x[hi] - x[lo]);
        }

        @Override public double valueOf(Issue issue, int index) { return at(issue.numericValue(index)); }
        @Override public void checkFits(Issue issue) { requireNumeric(issue, "piecewise-linear"); }

        @Override
        public boolean equals(Object o) {
            return o instanceof PiecewiseLinear p && Arrays.equals(p.x, x) && Arrays.equals(p.y, y) && p.zeroOutside == zeroOutside;
        }

        @Override public int hashCode() { return Arrays.hashCode(x) * 31 + Arrays.hashCode(y) + (zeroOutside ? 1 : 0); }
        @Override public String toString() { return "PiecewiseLinear" + Arrays.toString(x) + "->" + Arrays.toString(y); }
    }

    /** The same value for every option. */
    record Constant(double value) implements ValueFunction {
        public Constant { requireFinite("value", value); }

        @Override public double valueOf(Issue issue, int index) { return value; }
        @Override public void checkFits(Issue issue) { }
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("The " + what + " of a value function must be a finite number, but was " + v);
        }
    }

    private static void requireNumeric(Issue issue, String kind) {
        if (!issue.isNumeric()) {
            throw new IllegalArgumentException("Issue '" + issue.name() + "' is discrete: a " + kind
                    + " value function needs a numeric issue; give a value per option instead");
        }
    }
}
