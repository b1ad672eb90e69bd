package org.pourparler.negotiation;

/**
 * When a negotiation ends without agreement: after a number of rounds, after a wall-clock time, or
 * at whichever comes first. Normalised time {@code t} in [0, 1] is the larger of the fraction of
 * rounds and the fraction of seconds used. A rounds-only deadline keeps a session deterministic.
 *
 * @param rounds  the number of rounds, or 0 for no round limit
 * @param seconds the wall-clock limit, or 0 for none
 */
public record Deadline(int rounds, double seconds) {
    public Deadline {
        if (rounds < 0) throw new IllegalArgumentException("The number of rounds must be >= 0, but was " + rounds);
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("The time limit must be a finite number of seconds >= 0, but was " + seconds);
        }
        if (rounds == 0 && seconds == 0) throw new IllegalArgumentException("A deadline needs a number of rounds, a time limit, or both");
    }

    public static Deadline rounds(int rounds) { return new Deadline(rounds, 0); }

    public static Deadline seconds(double seconds) { return new Deadline(0, seconds); }

    /** Normalised time after {@code roundsDone} rounds and {@code elapsedSeconds}. */
    public double time(int roundsDone, double elapsedSeconds) {
        double t = 0;
        if (rounds > 0) t = Math.max(t, (double) roundsDone / rounds);
        if (seconds > 0) t = Math.max(t, elapsedSeconds / seconds);
        return Math.min(1.0, t);
    }
}
