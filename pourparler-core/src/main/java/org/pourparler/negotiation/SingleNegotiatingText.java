package org.pourparler.negotiation;

import java.util.SplittableRandom;
import org.pourparler.model.Outcome;

/**
 * The single negotiating text. Each round the mediator puts one package (the text) to every
 * negotiator; each answers accept or reject, privately to the mediator, or walks away. When all
 * accept, the text is the agreement. Otherwise the mediator climbs: it keeps the text with the
 * most acceptances so far (a later text with as many replaces it, so the search also moves along
 * plateaus) and proposes next a neighbour of it, the kept text with one issue changed to another
 * option, both drawn from its own seeded random source, avoiding texts it has already put (up to
 * {@link #FRESH_DRAWS} draws). The first text is a uniformly drawn package. The mediator never sees a
 * profile: it learns only from the answers.
 */
final class SingleNegotiatingText {
    /** How many neighbours the mediator draws looking for a text it has not put yet. */
    static final int FRESH_DRAWS = 20;

    private SingleNegotiatingText() { }

    static SessionRun.End play(SessionRun run) {
        SessionRun.PublicState s = run.state;
        SplittableRandom random = run.mediatorRandom;
        int[] sizes = run.domain.sizes();
        int[] text = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) text[i] = random.nextInt(sizes[i]);
        int[] kept = text.clone();
        int keptAcceptances = -1;
        java.util.Set<Outcome> put = new java.util.HashSet<>();
        for (int round = 0; ; round++) {
            if (run.expired(round)) return SessionRun.End.DEADLINE;
            double t = run.timeAt(round);
            run.begin(round, t);
            Outcome o = Outcome.of(text);
            put.add(o);
            s.standing = o;
            s.standingBy = -1;
            s.offers.add(new OfferRecord(round, t, -1, o));
            run.record(round, t, -1, "text", o);
            int acceptances = 0;
            for (int j = 0; j < run.n; j++) {
                Action a = run.act(j);
                if (a == null) return SessionRun.End.FAULT;
                if (a instanceof Action.Accept) {
                    acceptances++;
                    run.record(round, t, j, "accept", o);
                } else if (a instanceof Action.Reject) {
                    run.record(round, t, j, "reject", o);
                } else if (a instanceof Action.End) {
                    return run.walkedAway(round, t, j);
                } else {
                    return run.illegal(j, "the single-text protocol allows accept, reject and end, not "
                            + a.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (acceptances == run.n) return SessionRun.End.agreement(o);
            if (acceptances >= keptAcceptances) {
                kept = text.clone();
                keptAcceptances = acceptances;
            }
            text = neighbour(kept, sizes, random);
            for (int draw = 1; draw < FRESH_DRAWS && put.contains(Outcome.of(text)); draw++) text = neighbour(kept, sizes, random);
        }
    }

    /** The package with one randomly chosen issue (of those with a choice) set to another option. */
    static int[] neighbour(int[] text, int[] sizes, SplittableRandom random) {
        int[] next = text.clone();
        int choices = 0;
        for (int size : sizes) if (size > 1) choices++;
        if (choices == 0) return next;
        int pick = random.nextInt(choices);
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 1 && pick-- == 0) {
                int v = random.nextInt(sizes[i] - 1);
                next[i] = v >= text[i] ? v + 1 : v;
                return next;
            }
        }
        return next;
    }
}
