package org.pourparler.agents;

import java.util.ArrayList;
import java.util.List;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/** Small scenarios and scripted negotiators for the agent tests. */
public final class AgentScenarios {
    private AgentScenarios() { }

    /** Two parties split {@code units} units over one integer issue: A's utility is its share / units. */
    static Scenario split(int units, double reservationA, double reservationB) {
        Domain d = Domain.of("split", List.of(Issue.integer("share of A", 0, units)));
        double step = 1.0 / units;
        Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(step, 0, true))), reservationA);
        Profile b = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(-step, 1, true))), reservationB);
        return Scenario.builder(d).party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    /** Two issues of 4 and 3 options with partly opposed, partly shared interests; {@code parties} negotiators. */
    public static Scenario mixed(int parties) {
        Domain d = Domain.of("mixed", List.of(Issue.discrete("price", List.of("p0", "p1", "p2", "p3")),
                Issue.discrete("delivery", List.of("slow", "normal", "fast"))));
        double[][][] tables = {
            {{0, 0.3, 0.7, 1}, {0.2, 0.6, 1}},
            {{1, 0.8, 0.4, 0}, {0, 0.5, 1}},
            {{0.5, 1, 0.6, 0}, {1, 0.4, 0}},
        };
        double[][] weights = {{0.6, 0.4}, {0.7, 0.3}, {0.5, 0.5}};
        Scenario.Builder b = Scenario.builder(d);
        for (int p = 0; p < parties; p++) {
            var u = LinearAdditiveUtility.of(d, weights[p], List.of(new ValueFunction.Table(tables[p][0]), new ValueFunction.Table(tables[p][1])));
            b.party(Party.negotiator("P" + p, Profile.of(u, 0.2)));
        }
        return b.build();
    }

    /** Plays the given actions in order, repeating the last. */
    static Negotiator scripted(Action... actions) {
        return new Negotiator() {
            int i;

            @Override public Action act(NegotiationView v) { return actions[Math.min(i++, actions.length - 1)]; }
        };
    }

    /** Offers A's share {@code shares[i]} in its i-th turn (the last repeated). */
    static Negotiator offering(int... shares) {
        Action[] a = new Action[shares.length];
        for (int i = 0; i < shares.length; i++) a[i] = Action.offer(shares[i]);
        return scripted(a);
    }

    /** The trace entries of one party with one action. */
    static List<TraceEntry> moves(SessionResult r, int party, String action) {
        List<TraceEntry> out = new ArrayList<>();
        for (TraceEntry e : r.trace()) if (e.party() == party && e.action().equals(action)) out.add(e);
        return out;
    }
}
