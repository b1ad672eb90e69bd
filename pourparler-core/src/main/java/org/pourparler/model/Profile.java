package org.pourparler.model;

import java.util.List;
import java.util.Optional;

/**
 * A party's private preferences: its utility function, its reservation value (the utility of
 * walking away, its BATNA), an optional discount factor and its red lines.
 *
 * @param utility           the utility function
 * @param reservation       the utility of no agreement; an outcome below it is not acceptable
 * @param discount          the discount factor d in (0, 1]: utility at normalised time t is
 *                          {@code u * d^t}; 1 means no discounting
 * @param redLines          combinations of options never acceptable
 * @param reservationOutcome the outcome the reservation value was read from, when the source stated
 *                          it as an outcome (GeniusWeb's reservation bid); kept for writing back
 */
public record Profile(UtilityFunction utility, double reservation, double discount, List<RedLine> redLines,
                      Optional<Outcome> reservationOutcome) {

    public Profile {
        if (utility == null) throw new IllegalArgumentException("A profile needs a utility function");
        if (!Double.isFinite(reservation)) {
            throw new IllegalArgumentException("The reservation value must be a finite number, but was " + reservation);
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("The discount factor must be in (0, 1], but was " + discount);
        }
        redLines = List.copyOf(redLines);
        for (RedLine r : redLines) r.checkFits(utility.domain());
        reservationOutcome = reservationOutcome == null ? Optional.empty() : reservationOutcome;
        reservationOutcome.ifPresent(o -> utility.domain().checkOutcome(o.toArray()));
    }

    /** A profile with no discounting, no red lines and reservation value {@code reservation}. */
    public static Profile of(UtilityFunction utility, double reservation) {
        return new Profile(utility, reservation, 1.0, List.of(), Optional.empty());
    }

    public Domain domain() { return utility.domain(); }

    public boolean isDiscounted() { return discount < 1.0; }

    /** {@code u * d^t} for normalised time {@code t} in [0, 1]. */
    public double discounted(double u, double t) {
        return discount == 1.0 ? u : u * Math.pow(discount, t);
    }

    /** Whether the outcome crosses one of the red lines. */
    public boolean crossesRedLine(int[] outcome) {
        for (RedLine r : redLines) if (r.crossedBy(outcome)) return true;
        return false;
    }

    /** Whether this party would accept the outcome rather than walk away: at or above the reservation value, no red line crossed. */
    public boolean accepts(int[] outcome) {
        return utility.utility(outcome) >= reservation && !crossesRedLine(outcome);
    }

    /** Whether the outcome crosses one of the red lines. */
    public boolean crossesRedLine(Outcome outcome) {
        return !redLines.isEmpty() && crossesRedLine(outcome.values());
    }

    /** {@link #accepts(int[])} for an outcome. */
    public boolean accepts(Outcome outcome) {
        return accepts(outcome.values());
    }

    public Profile withReservation(double value) {
        return new Profile(utility, value, discount, redLines, Optional.empty());
    }

    public Profile withRedLines(List<RedLine> lines) {
        return new Profile(utility, reservation, discount, lines, reservationOutcome);
    }
}
