package org.pourparler.negotiation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.pourparler.model.Profile;

/**
 * What a party gets when a negotiation ends without agreement, and so what a package must be worth
 * to beat walking away. docs/negotiation.md ("Payoffs and metrics") has the table.
 *
 * <pre>{@code
 * double walkAway = NoAgreement.RESERVATION.payoff(profile, 1.0);   // r·d at the deadline
 * double floor = NoAgreement.RESERVATION.floor(profile, 0.7);       // r: both sides discounted alike
 * }</pre>
 */
public enum NoAgreement {
    /**
     * The reservation value, discounted like an agreement made when the negotiation ended:
     * {@code r·d^t}, with t = 1 at a deadline (GENIUS's {@code getReservationValueWithDiscount}).
     * The default; identical to {@link #RESERVATION_UNDISCOUNTED} for undiscounted profiles.
     */
    RESERVATION("reservation"),
    /** The reservation value as stated, never discounted. */
    RESERVATION_UNDISCOUNTED("reservation-undiscounted"),
    /** Zero for every party, whatever its reservation value. */
    ZERO("zero");

    private final String id;

    NoAgreement(String id) { this.id = id; }

    /** The name used in files and on the command line. */
    public String id() { return id; }

    /** The policy with this {@link #id()}, if any. */
    public static Optional<NoAgreement> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Every {@link #id()}, in declaration order, separated by "|" (for messages and help texts). */
    public static String ids() {
        return String.join("|", Arrays.stream(values()).map(NoAgreement::id).toList());
    }

    /** What the party gets when the negotiation ends without agreement at normalised time {@code t}. */
    public double payoff(Profile p, double t) {
        return switch (this) {
            case RESERVATION -> p.discounted(p.reservation(), t);
            case RESERVATION_UNDISCOUNTED -> p.reservation();
            case ZERO -> 0.0;
        };
    }

    /** The no-agreement value before any discounting: the reservation value, or zero. */
    public double value(Profile p) {
        return this == ZERO ? 0.0 : p.reservation();
    }

    /**
     * The least undiscounted utility a package must have to be worth at least walking away at time
     * {@code t}: {@code u·d^t ≥ payoff(p, t)}. Under {@link #RESERVATION} that is the reservation
     * value at every time (both sides are discounted alike); undiscounted it rises as {@code r/d^t}.
     */
    public double floor(Profile p, double t) {
        return switch (this) {
            case RESERVATION -> p.reservation();
            case RESERVATION_UNDISCOUNTED -> p.isDiscounted() ? p.reservation() / Math.pow(p.discount(), t) : p.reservation();
            case ZERO -> 0.0;
        };
    }
}
