package org.pourparler.room;

import java.time.Instant;
import java.util.Optional;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Fault;

/**
 * One change of a room, as stored in its append-only log. Each has the time it happened and its
 * {@link Audience}: who may ever see it.
 */
public sealed interface RoomEvent {
    Instant at();

    Audience audience();

    /** A person or program took its seat. Seen by all. */
    record Joined(Instant at, int seat) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }

    /** A party entered its own profile. Seen by that seat (and the convener of an open room). */
    record ProfileEntered(Instant at, int seat, Profile profile) implements RoomEvent {
        public Audience audience() { return Audience.seat(seat); }
    }

    /** The negotiation began: every seat is taken and every profile known. Its clock starts here. Seen by all. */
    record Started(Instant at) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }

    /**
     * A seat's action as it took it (with what only it may know: a hidden acceptance, a commitment).
     * Seen by that seat (and the convener of an open room); what everybody learns of it is a {@link Move}.
     */
    record Acted(Instant at, int seat, Action action) implements RoomEvent {
        public Audience audience() { return Audience.seat(seat); }
    }

    /**
     * A move as the protocol publishes it: an offer, an acceptance, a walk-out, the mediator's text, a
     * proposal, a deal, a probe's answer ({@code party} −1 for the protocol or mediator). An answer to
     * the mediator's text is seen by its party and the mediator only; every other move by all.
     */
    record Move(Instant at, int round, double time, int party, String action, Optional<Outcome> outcome, boolean isPublic)
            implements RoomEvent {
        public Audience audience() { return isPublic || party < 0 ? Audience.ALL : Audience.seatAndMediator(party); }
    }

    /** The negotiation ended: how, the agreement (after ratification) if any, the fault if one ended it. Seen by all. */
    record Ended(Instant at, Ending ending, Optional<Outcome> agreement, Optional<Fault> fault) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }

    /** What the ending pays a seat: its utility of the agreement and its payoff. Seen by that seat. */
    record Payoff(Instant at, int seat, double utility, double payoff) implements RoomEvent {
        public Audience audience() { return Audience.seat(seat); }
    }

    /**
     * A free-text message from a seat or the mediator ({@code from} −1) to the mediator ({@code to} −1),
     * to everybody ({@code to} −2) or, from the mediator, to one seat.
     */
    record Message(Instant at, int from, int to, String text) implements RoomEvent {
        public static final int MEDIATOR = -1;
        public static final int EVERYBODY = -2;

        public Audience audience() {
            if (to == EVERYBODY) return Audience.ALL;
            return from >= 0 ? Audience.seatAndMediator(from) : Audience.seatAndMediator(to);
        }
    }

    /** A party's package sent to the mediator only (a non-paper). Seen by that seat and the mediator. */
    record NonPaper(Instant at, int seat, Outcome outcome) implements RoomEvent {
        public Audience audience() { return Audience.seatAndMediator(seat); }
    }

    /** The mediator puts a package to everybody as its own text, never attributed to anyone. Seen by all. */
    record MediatorText(Instant at, Outcome outcome) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }

    /**
     * After an agreement the engine found, privately, a package every party values at least as much
     * and one more (post-settlement): it offers it to all. Seen by all.
     */
    record ImprovementOffered(Instant at, Outcome outcome) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }

    /** A seat's answer to the improvement. Seen by that seat only (and the convener of an open room). */
    record ImprovementAnswered(Instant at, int seat, boolean accepted) implements RoomEvent {
        public Audience audience() { return Audience.seat(seat); }
    }

    /** Every seat accepted the improvement (it replaces the agreement), or somebody declined (who, nobody learns). Seen by all. */
    record ImprovementDecided(Instant at, boolean agreed) implements RoomEvent {
        public Audience audience() { return Audience.ALL; }
    }
}
