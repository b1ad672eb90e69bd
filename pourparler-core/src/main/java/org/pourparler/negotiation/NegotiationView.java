package org.pourparler.negotiation;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;

/**
 * Everything one negotiator may know: its own profile, the protocol's public state and the offers
 * made. Never another party's profile.
 */
public interface NegotiationView {
    /** The protocol's name, e.g. "alternating". */
    String protocol();

    /** This negotiator's position in {@link #parties()}. */
    int self();

    /** The negotiating parties' names, in turn order. */
    List<String> parties();

    Domain domain();

    /** This negotiator's own profile. */
    Profile profile();

    Deadline deadline();

    /** The current round, 0-based. */
    int round();

    /** Normalised time in [0, 1]. */
    double time();

    /** The offer on the table, if any. */
    Optional<Outcome> standingOffer();

    /** Who made the standing offer, or -1. */
    int standingOfferBy();

    /** Every offer so far, oldest first. */
    List<OfferRecord> offers();

    /** This negotiator's own random source, seeded from the session seed. */
    RandomGenerator random();
}
