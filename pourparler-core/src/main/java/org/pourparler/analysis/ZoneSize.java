package org.pourparler.analysis;

import java.math.BigInteger;

/**
 * How many outcomes the agreement zone holds: exact when it could be counted, otherwise an
 * estimate from a uniform random sample with its 95% Wilson interval ({@code lower..upper}),
 * always labelled by {@link #exact()}. {@link #exists()} is always exact.
 *
 * <p>When no sampled outcome fell in a zone that exists ({@code hits == 0}), the sample says only
 * that the zone is a small fraction of the space: {@code count} and {@code lower} are then 1 (the
 * frontier proves at least one outcome), and {@code upper} is the interval's upper end; say "at least
 * one outcome, fewer than {@code upper}" rather than "about 1".
 *
 * @param sampled how many outcomes were sampled (0 when exact)
 * @param hits    how many of them were in the zone (the count itself when exact)
 */
public record ZoneSize(boolean exists, BigInteger count, boolean exact, BigInteger lower, BigInteger upper, long sampled,
                       long hits) {

    static ZoneSize exact(boolean exists, long count) {
        return exact(exists, BigInteger.valueOf(count));
    }

    static ZoneSize exact(boolean exists, BigInteger count) {
        return new ZoneSize(exists, count, true, count, count, 0, count.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
    }

    /** Whether this is an estimate from a sample in which no outcome was in the zone. */
    public boolean onlyBounded() {
        return !exact && hits == 0;
    }
}
