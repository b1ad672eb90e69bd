package org.pourparler.negotiation;

import java.util.List;
import java.util.Optional;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.ValueFunction;

/** Views for testing agents' parts alone, outside a session. */
public final class SessionTestViews {
    private SessionTestViews() { }

    /** A bilateral alternating-offers view at normalised time {@code time}, over a one-issue split, nothing offered yet. */
    public record AtTime(double time) implements NegotiationView {
        static final Profile PROFILE;

        static {
            Domain d = Domain.of("split", List.of(Issue.integer("share", 0, 10)));
            PROFILE = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(0.1, 0, true))), 0);
        }

        @Override public Protocol protocol() { return Protocol.ALTERNATING; }
        @Override public int self() { return 0; }
        @Override public List<String> parties() { return List.of("A", "B"); }
        @Override public Domain domain() { return PROFILE.domain(); }
        @Override public Profile profile() { return PROFILE; }
        @Override public Deadline deadline() { return Deadline.rounds(100); }
        @Override public int round() { return (int) (time * 100); }
        @Override public Optional<Outcome> standingOffer() { return Optional.empty(); }
        @Override public int standingOfferBy() { return -1; }
        @Override public List<OfferRecord> offers() { return List.of(); }
        @Override public List<ProbeAnswer> answers() { return List.of(); }
        @Override public int probesLeft() { return 0; }
        @Override public Optional<Action.Commit> commitment() { return Optional.empty(); }
        @Override public ProfileStore store() { return ProfileCache.create().storeFor(PROFILE); }
        @Override public java.util.random.RandomGenerator random() { return new java.util.SplittableRandom(1); }
    }
}
