package org.pourparler.negotiation;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;

/**
 * Everything one negotiator may know: its own profile, the protocol's public state and the offers
 * made. Never another party's profile, hidden acceptance, commitment or probe; the session holds no
 * reference to them behind this view.
 */
public interface NegotiationView {
    Protocol protocol();

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

    /**
     * What is to be answered: the standing offer (alternating offers) or the mediator's text (single
     * negotiating text); empty otherwise.
     */
    Optional<Outcome> standingOffer();

    /** Who made the standing offer, -1 for the mediator or when none stands. */
    int standingOfferBy();

    /**
     * Every public offer so far, oldest first: offers (alternating), the mediator's texts with party
     * -1 (single text), the visible proposals (blind bidding).
     */
    List<OfferRecord> offers();

    /** Test the waters: the answers to every probe so far (empty in other protocols). */
    List<ProbeAnswer> answers();

    /** Test the waters: how many probes this negotiator has left (0 in other protocols). */
    int probesLeft();

    /** Test the waters: this negotiator's own current commitment, if it has made one. */
    Optional<Action.Commit> commitment();

    /** This negotiator's store for what it computes from its own profile, shared with later sessions (a tournament's). */
    ProfileStore store();

    /** What no agreement pays in this session. */
    NoAgreement noAgreement();

    /**
     * The least undiscounted utility of a package worth accepting now rather than walking away:
     * {@code noAgreement().floor(profile(), time())} — the reservation value under the default
     * (agreement and walking away discounted alike), 0 when no agreement pays zero.
     */
    default double reservationFloor() { return noAgreement().floor(profile(), time()); }

    /** Whose conventions this session follows (how agents look up offers and floor acceptance); ours unless asked. */
    default Conventions conventions() { return Conventions.POURPARLER; }

    /** This negotiator's own random source, seeded from the session seed. */
    RandomGenerator random();
}
