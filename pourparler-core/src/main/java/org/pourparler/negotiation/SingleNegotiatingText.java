package org.pourparler.negotiation;

import java.util.HashSet;
import java.util.Set;
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
final class SingleNegotiatingText extends Rules.Rounds {
    /** How many neighbours the mediator draws looking for a text it has not put yet. */
    static final int FRESH_DRAWS = 20;

    private final SplittableRandom random;
    private final int[] sizes;
    private int[] text;
    private int[] kept;
    private int keptAcceptances = -1;
    private final Set<Outcome> put = new HashSet<>();
    private Outcome current;
    private int acceptances;

    SingleNegotiatingText(Negotiation g) {
        super(g);
        this.random = g.mediatorRandom;
        this.sizes = g.domain.sizes();
        this.text = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) text[i] = random.nextInt(sizes[i]);
        this.kept = text.clone();
    }

    @Override void opened(double t) {
        current = Outcome.of(text);
        put.add(current);
        acceptances = 0;
        Negotiation.PublicState s = g.state;
        s.standing = current;
        s.standingBy = -1;
        s.offers.add(round, t, -1, current);
        g.record(round, t, -1, "text", current);
    }

    @Override String move(int j, Action a) {
        double t = g.state.time;
        if (a instanceof Action.Accept) {
            acceptances++;
            g.record(round, t, j, "accept", current);
        } else if (a instanceof Action.Reject) {
            g.record(round, t, j, "reject", current);
        } else if (a instanceof Action.End) {
            g.walkAway(round, t, j);
        } else {
            return notAllowed("single-text", "accept, reject and end", a);
        }
        return null;
    }

    @Override void resolve() {
        if (acceptances == g.n) {
            g.end(current, Ending.AGREEMENT);
            return;
        }
        if (acceptances >= keptAcceptances) {
            kept = text.clone();
            keptAcceptances = acceptances;
        }
        text = neighbour(kept, sizes, random);
        for (int draw = 1; draw < FRESH_DRAWS && put.contains(Outcome.of(text)); draw++) text = neighbour(kept, sizes, random);
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
