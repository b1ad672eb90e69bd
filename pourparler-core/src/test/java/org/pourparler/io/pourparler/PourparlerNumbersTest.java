package org.pourparler.io.pourparler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Numbers are written as the shortest decimal that reads back to the same double. */
class PourparlerNumbersTest {

    @Provide
    Arbitrary<Double> anyFiniteDouble() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles(),
                Arbitraries.integers().between(-1000, 1000).map(i -> i / 100.0));
    }

    @Property(tries = 3000)
    void readsBackBitForBit(@ForAll("anyFiniteDouble") double d) {
        String s = PourparlerNumbers.format(d);
        assertThat(PourparlerNumbers.isDecimal(s)).as(s).isTrue();
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(s))).as(s).isEqualTo(Double.doubleToRawLongBits(d));
    }

    @Property(tries = 3000)
    void isNoLongerThanJavasOwnDigits(@ForAll("anyFiniteDouble") double d) {
        String mine = PourparlerNumbers.format(d);
        assertThat(significantDigits(mine)).isLessThanOrEqualTo(significantDigits(Double.toString(d)));
        // and no digit can be dropped: the next shorter rounding reads back differently
        BigDecimal v = new BigDecimal(mine);
        int digits = v.stripTrailingZeros().precision();
        if (d != 0 && digits > 1) {
            BigDecimal shorter = new BigDecimal(d).round(new java.math.MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN));
            assertThat(Double.parseDouble(shorter.toString())).isNotEqualTo(d);
        }
    }

    private static int significantDigits(String s) {
        BigDecimal v = new BigDecimal(s);
        return v.signum() == 0 ? 1 : v.stripTrailingZeros().precision();
    }

    @Test
    void familiarNumbersLookFamiliar() {
        assertThat(PourparlerNumbers.format(0.1)).isEqualTo("0.1");
        assertThat(PourparlerNumbers.format(1.0)).isEqualTo("1");
        assertThat(PourparlerNumbers.format(-3.0)).isEqualTo("-3");
        assertThat(PourparlerNumbers.format(0.0)).isEqualTo("0");
        assertThat(PourparlerNumbers.format(-0.0)).isEqualTo("-0.0");
        assertThat(PourparlerNumbers.format(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PourparlerNumbers.format(2e-3)).isEqualTo("0.002");
        assertThat(PourparlerNumbers.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(PourparlerNumbers.format(1e22)).isEqualTo("1e22");
        assertThat(PourparlerNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PourparlerNumbers.format(1.5e-300)).isEqualTo("1.5e-300");
        // Java 17's Double.toString gives 2.0E-3 and, for some values, a digit too many
        assertThat(PourparlerNumbers.format(2.0E-3)).isEqualTo("0.002");
    }

    @Test
    void exactDecimalsStayExact() {
        assertThat(PourparlerNumbers.format(new BigDecimal("0.10"))).isEqualTo("0.1");
        assertThat(PourparlerNumbers.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(PourparlerNumbers.format(new BigDecimal("-0.000"))).isEqualTo("0");
        assertThat(PourparlerNumbers.format(new BigDecimal("1.25E-900"))).isEqualTo("1.25e-900");
        assertThat(new BigDecimal(PourparlerNumbers.format(new BigDecimal("123456789.123456789123456789"))))
                .isEqualByComparingTo("123456789.123456789123456789");
    }

    @Test
    void acceptsOnlyPlainDecimals() {
        for (String ok : new String[] {"0", "-0.0", "+3", ".5", "5.", "1e-3", "1E+22", "007"}) {
            assertThat(PourparlerNumbers.isDecimal(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"", ".", "-", "0x1F", "1_000", ".inf", "NaN", "Infinity", "1e", "1.2.3", " 1", "1d"}) {
            assertThat(PourparlerNumbers.isDecimal(bad)).as(bad).isFalse();
        }
        assertThat(PourparlerNumbers.isDecimal("9".repeat(1001))).isFalse();
    }
}
