package org.pourparler.negotiation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whose conventions a session follows where negotiation platforms differ in detail: ours (the
 * default) or GENIUS 10.4's, which reproduce GENIUS's own sessions move for move for the
 * time-dependent agents. Each difference is decided here, in one place, and read by the clock, the
 * agents (through {@link NegotiationView#conventions()}) and the file loader; docs/agents.md lists
 * them in one table.
 *
 * <pre>{@code
 * Session.run(scenario, agents, Deadline.rounds(180), Session.Options.defaults().withConventions(Conventions.GENIUS));
 * }</pre>
 */
public enum Conventions {
    /**
     * Pourparler's: time advances per turn from 0, an agent offers the least package at or above its
     * target, and accepts nothing below its reservation value.
     */
    POURPARLER("pourparler"),
    /**
     * GENIUS 10.4's: with a deadline of N rounds, round r (1-based) is at t = r/(N+1) for every party
     * (so the opening bid is made at 1/(N+1)); an agent offers the package whose utility is
     * nearest its target as GENIUS's {@code SortedOutcomeSpace} finds it (possibly just below it);
     * AC_next compares with no reservation floor; GENIUS profile files keep their issue weights as
     * given, with utility capped at 1.
     */
    GENIUS("genius");

    private final String id;

    Conventions(String id) { this.id = id; }

    /** The name used in files and the CLI. */
    public String id() { return id; }

    /**
     * Normalised time of a turn of an alternating protocol.
     *
     * @param deadline the deadline
     * @param round    the round, 0-based
     * @param turn     the turn overall, 0-based ({@code round * parties + position})
     * @param parties  the number of negotiating parties
     * @param elapsed  seconds since the session started (read only when the deadline has a time limit)
     */
    public double turnTime(Deadline deadline, int round, long turn, int parties, double elapsed) {
        double t = deadline.time(round, deadline.seconds() > 0 ? elapsed : 0);
        int rounds = deadline.rounds();
        if (rounds == 0) return t;
        return switch (this) {
            // we advance per turn, from 0
            case POURPARLER -> Math.min(1.0, Math.max(t, (double) turn / ((long) rounds * parties)));
            // GENIUS's DiscreteTimeline: round r (1-based) of N is at r / (N + 1), the same for every party
            case GENIUS -> Math.min(1.0, Math.max(t, (double) (round + 1) / (rounds + 1)));
        };
    }

    /** Whether an agent's acceptance is floored at its reservation value (GENIUS's AC_next has no floor). */
    public boolean floorsAcceptanceAtReservation() { return this == POURPARLER; }

    /**
     * The conventions with this name.
     *
     * @throws IllegalArgumentException naming the known conventions
     */
    public static Conventions of(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (Conventions c : values()) if (c.id.equals(s)) return c;
        throw new IllegalArgumentException("Unknown conventions '" + name + "'; the conventions are "
                + Arrays.stream(values()).map(Conventions::id).collect(Collectors.joining(", ")));
    }

    @Override public String toString() { return id; }
}
