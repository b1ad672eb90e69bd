package org.pourparler.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An issue over a real interval, analysed on the grid {@code min, min+step, ...} up to and
 * including the last grid point not above {@code max}. The scenario states the step; values are
 * exact decimals, so labels read back exactly.
 */
public record RealIssue(String name, BigDecimal min, BigDecimal max, BigDecimal step) implements Issue {

    public RealIssue {
        Issue.checkName(name);
        if (min == null || max == null || step == null) {
            throw new IllegalArgumentException("Issue '" + name + "' needs min, max and step");
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("Issue '" + name + "': max " + max.toPlainString()
                    + " is below min " + min.toPlainString());
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("Issue '" + name + "': step must be positive, but was "
                    + step.toPlainString());
        }
        // Canonical scale, so that "1.0" and "1" make equal issues.
        min = canonical(min);
        max = canonical(max);
        step = canonical(step);
        BigDecimal count = max.subtract(min).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_OPTIONS)) > 0) {
            throw new IllegalArgumentException("Issue '" + name + "' has " + count.toPlainString()
                    + " grid points; at most " + MAX_OPTIONS + " are supported (use a larger step)");
        }
    }

    private static BigDecimal canonical(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    @Override public Type type() { return Type.REAL; }

    @Override
    public int size() {
        return max.subtract(min).divide(step, 0, RoundingMode.FLOOR).intValueExact() + 1;
    }

    /** The exact grid value at option {@code index}. */
    public BigDecimal valueAt(int index) {
        Issue.checkIndex(this, index);
        return min.add(step.multiply(BigDecimal.valueOf(index)));
    }

    @Override
    public String label(int index) {
        BigDecimal v = valueAt(index);
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public int indexOf(String label) {
        try {
            BigDecimal v = new BigDecimal(label.trim());
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                return -1;
            }
            BigDecimal[] qr = v.subtract(min).divideAndRemainder(step);
            if (qr[1].signum() != 0) {
                return -1;
            }
            int i = qr[0].intValueExact();
            return i < size() ? i : -1;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    @Override public double numericValue(int index) { return valueAt(index).doubleValue(); }
}
