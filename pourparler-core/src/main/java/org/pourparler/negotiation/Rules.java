package org.pourparler.negotiation;

import java.util.Locale;

/**
 * One protocol's rules over a {@link Negotiation}'s state: which moves are awaited, which actions
 * are allowed, what each does. Driven one action at a time; never calls a negotiator.
 */
abstract class Rules {
    final Negotiation g;

    Rules(Negotiation g) { this.g = g; }

    /** Opens the first turn or round (or ends the negotiation when its deadline has passed already). */
    abstract void begin();

    /** Whether party j's move is awaited now; the negotiation goes on. */
    abstract boolean awaits(int j);

    /** The first party whose move is awaited; the negotiation goes on. */
    abstract int next();

    /** Whose move is awaited, in words (for a refusal). */
    abstract String waitingFor();

    /**
     * Applies the action of party j, whose move is awaited.
     *
     * @return null when applied; else why the protocol refuses it, with nothing changed
     */
    abstract String act(int j, Action a);

    /** The normalised time of the current turn or round by the clock now (a live driver's {@link Negotiation#tick()}). */
    abstract double now();

    /** The refusal of an action this protocol does not allow. */
    static String notAllowed(String protocol, String allowed, Action a) {
        return "the " + protocol + " protocol allows " + allowed + ", not " + a.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * The rules of a protocol of simultaneous moves: each round every negotiator moves once, in any
     * order, without seeing the others' moves of the round; when all have moved, the round resolves.
     */
    abstract static class Rounds extends Rules {
        private final boolean[] moved;
        private int movedCount;
        int round;

        Rounds(Negotiation g) {
            super(g);
            this.moved = new boolean[g.n];
        }

        @Override final void begin() { beginRound(0); }

        /** Opens round r: ends at the deadline, else publishes its time and calls {@link #opened}. */
        final void beginRound(int r) {
            if (g.expire(r)) return;
            round = r;
            java.util.Arrays.fill(moved, false);
            movedCount = 0;
            double t = g.timeAt(r);
            g.begin(r, t);
            opened(t);
        }

        @Override final boolean awaits(int j) { return !moved[j]; }

        @Override final int next() {
            for (int j = 0; j < moved.length; j++) if (!moved[j]) return j;
            throw new IllegalStateException("every party has moved, but the round was not resolved");
        }

        @Override final String waitingFor() {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < moved.length; j++) {
                if (!moved[j]) s.append(s.length() == 0 ? "" : ", ").append(g.names.get(j));
            }
            return "round " + (round + 1) + " waits for " + s;
        }

        @Override final String act(int j, Action a) {
            String refused = move(j, a);
            if (refused != null || g.isOver()) return refused;
            moved[j] = true;
            if (++movedCount == moved.length) {
                resolve();
                if (!g.isOver()) beginRound(round + 1);
            }
            return null;
        }

        @Override final double now() { return g.timeAt(round); }

        /** The round has begun at time t (the single text's mediator puts its text now). */
        void opened(double t) { }

        /** Applies j's move of this round: null when applied (the protocol may end the negotiation), else the refusal. */
        abstract String move(int j, Action a);

        /** Every party has moved: the round's outcome (which may end the negotiation). */
        abstract void resolve();
    }
}
