package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.pourparler.analysis.ParetoFrontier;
import org.pourparler.model.Party;
import org.pourparler.model.RedLine;
import org.pourparler.model.Role;
import org.pourparler.model.UtilityFunction;

/**
 * Test the waters. Each round every negotiator privately commits a reservation level and red lines
 * and may spend one of its probes. The first commitment is free; after it a commitment may only be
 * relaxed: the level never rises, red lines are only dropped. When at least one negotiator probed,
 * the protocol answers every negotiator the same single bit: whether some package meets every
 * committed level and red line and every ratifier's reservation value and red lines. A "yes" ends
 * the session ("zone exists"); so does the last probe being spent ("probes used up"). Nobody learns
 * who probed, anyone's commitment, or anything but the answers.
 */
final class TestTheWaters extends Rules.Rounds {
    private final Zone zone;
    private boolean probed;

    TestTheWaters(Negotiation g) {
        super(g);
        this.zone = new Zone(g);
    }

    @Override void opened(double t) { probed = false; }

    @Override String move(int j, Action a) {
        if (a instanceof Action.End) {
            g.walkAway(round, g.state.time, j);
            return null;
        }
        if (!(a instanceof Action.Commit c)) return notAllowed("test-the-waters", "commit and end", a);
        Negotiation.PartyView view = g.views[j];
        String problem = problem(g, view.commitment, c, view.probesLeft);
        if (problem != null) return problem;
        view.commitment = c;
        if (c.probe()) {
            view.probesLeft--;
            probed = true;
        }
        return null;
    }

    @Override void resolve() {
        if (probed) {
            boolean exists = zone.exists();
            g.state.answers.add(new ProbeAnswer(round, exists));
            g.record(round, g.state.time, -1, exists ? "zone" : "no-zone", null);
            g.answered(exists);
            if (exists) {
                g.end(null, Ending.ZONE_EXISTS);
                return;
            }
        }
        boolean probesLeft = false;
        for (Negotiation.PartyView v : g.views) probesLeft |= v.probesLeft > 0;
        if (!probesLeft) g.end(null, Ending.PROBES_USED_UP);
    }

    /** Why the commitment is not allowed after {@code before}, or null when it is. */
    private static String problem(Negotiation run, Action.Commit before, Action.Commit c, int probesLeft) {
        for (RedLine line : c.redLines()) {
            try {
                line.checkFits(run.domain);
            } catch (IllegalArgumentException e) {
                return "committed a red line that does not fit the domain: " + e.getMessage();
            }
        }
        if (c.probe() && probesLeft == 0) return "probed with no probes left";
        if (before == null) return null;
        if (c.level() > before.level()) {
            return "raised its committed level from " + before.level() + " to " + c.level() + "; commitments may only be relaxed";
        }
        if (!new HashSet<>(before.redLines()).containsAll(c.redLines())) {
            return "added a red line; commitments may only be relaxed";
        }
        return null;
    }

    /** Decides from the commitments whether a zone exists; the frontier is recomputed only when red lines change. */
    private static final class Zone {
        private final Negotiation run;
        private final List<UtilityFunction> utilities = new ArrayList<>();
        private List<RedLine> lines;
        private ParetoFrontier frontier;

        Zone(Negotiation run) {
            this.run = run;
            for (Party p : run.scenario.parties()) utilities.add(p.profile().utility());
        }

        boolean exists() {
            List<Party> parties = run.scenario.parties();
            double[] levels = new double[parties.size()];
            List<RedLine> now = new ArrayList<>();
            for (int k = 0, j = 0; k < parties.size(); k++) {
                Party p = parties.get(k);
                if (p.role() == Role.RATIFIER) {
                    levels[k] = p.profile().reservation();
                    now.addAll(p.profile().redLines());
                } else {
                    Action.Commit c = run.views[j++].commitment;
                    levels[k] = c.level();
                    now.addAll(c.redLines());
                }
            }
            if (frontier == null || !now.equals(lines)) {
                frontier = run.frontier(utilities, now);
                lines = now;
            }
            return !frontier.atLeast(levels).isEmpty();
        }
    }
}
