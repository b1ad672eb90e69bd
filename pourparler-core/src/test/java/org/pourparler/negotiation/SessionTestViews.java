package org.pourparler.negotiation;

import java.util.List;
import java.util.Optional;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;

/** Views for testing agents and their parts alone, outside a session. */
public final class SessionTestViews {
    private SessionTestViews() { }

    /** A bilateral alternating-offers view of one profile at normalised time {@code time} (of 100 rounds), nothing offered yet. */
    public record Fixed(Profile profile, double time) implements NegotiationView {
        @Override public Protocol protocol() { return Protocol.ALTERNATING; }
        @Override public int self() { return 0; }
        @Override public List<String> parties() { return List.of("A", "B"); }
        @Override public Domain domain() { return profile.domain(); }
        @Override public Deadline deadline() { return Deadline.rounds(100); }
        @Override public int round() { return (int) (time * 100); }
        @Override public Optional<Outcome> standingOffer() { return Optional.empty(); }
        @Override public int standingOfferBy() { return -1; }
        @Override public List<OfferRecord> offers() { return List.of(); }
        @Override public List<ProbeAnswer> answers() { return List.of(); }
        @Override public int probesLeft() { return 0; }
        @Override public Optional<Action.Commit> commitment() { return Optional.empty(); }
        @Override public ProfileStore store() { return ProfileCache.create().storeFor(profile); }
        @Override public NoAgreement noAgreement() { return NoAgreement.RESERVATION; }
        @Override public java.util.random.RandomGenerator random() { return new java.util.SplittableRandom(1); }
    }
}
