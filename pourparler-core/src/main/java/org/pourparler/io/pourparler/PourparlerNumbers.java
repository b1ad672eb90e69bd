package org.pourparler.io.pourparler;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numbers in Pourparler files: what text counts as a number, and how doubles and decimals are
 * written so that they read back exactly.
 */
final class PourparlerNumbers {
    /** Decimal numbers as the reader accepts them: no hex, no underscores, no inf/nan. */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Longer number texts are refused before they are parsed (Jackson's own default limit). */
    static final int MAX_NUMBER_CHARS = 1000;

    /** Decimals (issue bounds, steps) may not be finer or coarser than 10^±this. */
    static final int MAX_DECIMAL_EXPONENT = 1000;

    private PourparlerNumbers() { }

    /**
     * The shortest decimal text that parses back to exactly {@code d} (Java 17's
     * {@code Double.toString} sometimes gives one digit more). Integers are written without a
     * fraction, other numbers in plain notation unless their exponent is extreme.
     */
    static String format(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("Only finite numbers can be written, but got " + d);
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0";
        }
        // Double.toString reads back exactly but may carry a digit too many. The p-digit decimals
        // that read back lie in d's rounding interval, which also holds t; so if any exists, one of
        // t's two p-digit neighbours is one: trying those for p = 1, 2, ... finds the shortest.
        BigDecimal t = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        for (int digits = 1; digits < t.precision(); digits++) {
            BigDecimal down = t.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal up = t.round(new MathContext(digits, RoundingMode.UP));
            boolean downOk = Double.parseDouble(down.toString()) == d;
            boolean upOk = Double.parseDouble(up.toString()) == d;
            if (downOk && upOk) {
                // both read back: take the nearer to the exact value (rare, so the exact expansion is affordable)
                BigDecimal exact = new BigDecimal(d);
                int c = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
                return format(c < 0 || (c == 0 && !down.unscaledValue().testBit(0)) ? down : up);
            }
            if (downOk) return format(down);
            if (upOk) return format(up);
        }
        return format(t);
    }

    /** An exact decimal, in plain notation unless its exponent is extreme (then {@code 1.5e-30}). */
    static String format(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal s = v.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;   // of the leading digit
        if (exponent >= -7 && exponent < 21) {
            return s.toPlainString();
        }
        String digits = s.unscaledValue().abs().toString();
        StringBuilder b = new StringBuilder();
        if (s.signum() < 0) b.append('-');
        b.append(digits.charAt(0));
        if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
        return b.append('e').append(exponent).toString();
    }

    /** Whether {@code text} is a decimal number the reader accepts. */
    static boolean isDecimal(String text) {
        return text.length() <= MAX_NUMBER_CHARS && DECIMAL.matcher(text).matches();
    }
}
