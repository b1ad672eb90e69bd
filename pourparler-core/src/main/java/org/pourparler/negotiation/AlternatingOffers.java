package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/**
 * Stacked alternating offers: negotiators take turns in scenario order; on its turn a negotiator
 * accepts the standing offer, makes a new one (which replaces it and cancels every acceptance), or
 * ends the negotiation. An offer is agreed when each of the other n − 1 negotiators has accepted it
 * on its own turn. A round is one turn of every negotiator; normalised time advances per turn (under
 * GENIUS conventions per round, see {@link Conventions#turnTime}).
 */
final class AlternatingOffers {
    private AlternatingOffers() { }

    static SessionRun.End play(SessionRun run) {
        int n = run.n;
        SessionRun.PublicState s = run.state;
        int acceptances = 0;
        for (long turn = 0; ; turn++) {
            int round = (int) (turn / n);
            int j = (int) (turn % n);
            if (run.expired(round)) return SessionRun.End.DEADLINE;
            double t = run.options.conventions().turnTime(run.deadline, round, turn, n, run.deadline.seconds() > 0 ? run.elapsed() : 0);
            run.begin(round, t);
            Action action = run.act(j);
            if (action == null) return SessionRun.End.FAULT;
            if (action instanceof Action.Offer offer) {
                Outcome o = offer.outcome();
                String problem = run.problemWith(o);
                if (problem != null) return run.illegal(j, "offered a non-outcome: " + problem);
                s.standing = o;
                s.standingBy = j;
                acceptances = 0;
                s.offers.add(new OfferRecord(round, t, j, o));
                run.record(round, t, j, "offer", o);
            } else if (action instanceof Action.Accept) {
                if (s.standing == null) return run.illegal(j, "accepted, but no offer stands");
                if (s.standingBy == j) return run.illegal(j, "accepted its own offer");
                run.record(round, t, j, "accept", s.standing);
                if (++acceptances == n - 1) return SessionRun.End.agreement(s.standing);
            } else if (action instanceof Action.End) {
                return run.walkedAway(round, t, j);
            } else {
                return run.illegal(j, "the alternating offers protocol allows accept, offer and end, not "
                        + action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
