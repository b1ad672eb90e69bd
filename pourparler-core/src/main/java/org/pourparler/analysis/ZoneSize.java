package org.pourparler.analysis;

import java.math.BigInteger;

/**
 * How many outcomes the agreement zone holds: exact when it could be counted, otherwise an
 * estimate from a uniform random sample with its 95% Wilson interval ({@code lower..upper}),
 * always labelled by {@link #exact()}. {@link #exists()} is always exact.
 */
public record ZoneSize(boolean exists, BigInteger count, boolean exact, BigInteger lower, BigInteger upper, long sampled) {

    static ZoneSize exact(boolean exists, long count) {
        BigInteger c = BigInteger.valueOf(count);
        return new ZoneSize(exists, c, true, c, c, 0);
    }
}
