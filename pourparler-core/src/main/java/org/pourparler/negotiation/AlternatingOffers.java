package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/**
 * Stacked alternating offers: negotiators take turns in scenario order; on its turn a negotiator
 * accepts the standing offer, makes a new one (which replaces it and cancels every acceptance), or
 * ends the negotiation. An offer is agreed when each of the other n − 1 negotiators has accepted it
 * on its own turn. A round is one turn of every negotiator; normalised time advances per turn (under
 * GENIUS conventions per round, see {@link Conventions#turnTime}).
 */
final class AlternatingOffers extends Rules {
    private long turn;
    private int acceptances;

    AlternatingOffers(Negotiation g) { super(g); }

    @Override void begin() { beginTurn(); }

    private void beginTurn() {
        int round = (int) (turn / g.n);
        if (g.expire(round)) return;
        g.begin(round, now());
    }

    @Override double now() {
        return g.options.conventions().turnTime(g.deadline, (int) (turn / g.n), turn, g.n, g.deadline.seconds() > 0 ? g.elapsed() : 0);
    }

    @Override boolean awaits(int j) { return j == (int) (turn % g.n); }

    @Override int next() { return (int) (turn % g.n); }

    @Override String waitingFor() { return "it is " + g.names.get(next()) + "'s turn"; }

    @Override String act(int j, Action action) {
        Negotiation.PublicState s = g.state;
        int round = s.round;
        double t = s.time;
        if (action instanceof Action.Offer offer) {
            Outcome o = offer.outcome();
            String problem = g.problemWith(o);
            if (problem != null) return "offered a non-outcome: " + problem;
            s.standing = o;
            s.standingBy = j;
            acceptances = 0;
            s.offers.add(round, t, j, o);
            g.record(round, t, j, "offer", o);
        } else if (action instanceof Action.Accept) {
            if (s.standing == null) return "accepted, but no offer stands";
            if (s.standingBy == j) return "accepted its own offer";
            g.record(round, t, j, "accept", s.standing);
            if (++acceptances == g.n - 1) {
                g.end(s.standing, Ending.AGREEMENT);
                return null;
            }
        } else if (action instanceof Action.End) {
            g.walkAway(round, t, j);
            return null;
        } else {
            return notAllowed("alternating offers", "accept, offer and end", action);
        }
        turn++;
        beginTurn();
        return null;
    }
}
