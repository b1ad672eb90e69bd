package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A negotiator that notes its position in {@code moving} whenever it is called, so that a watchdog
 * (a tournament's, {@code negotiate}'s, an outside agents' JVM) blames a call that never returns, or
 * an exit, on the agent that was moving. Adds one volatile write per call.
 */
public record Watched(Negotiator inner, int position, AtomicInteger moving) implements Negotiator {

    /** Each negotiator wrapped with its position, all noting into {@code moving}. */
    public static List<Negotiator> all(List<? extends Negotiator> negotiators, AtomicInteger moving) {
        List<Negotiator> out = new ArrayList<>(negotiators.size());
        for (int p = 0; p < negotiators.size(); p++) out.add(new Watched(negotiators.get(p), p, moving));
        return out;
    }

    @Override public void start(NegotiationView view) {
        moving.set(position);
        inner.start(view);
    }

    @Override public Action act(NegotiationView view) {
        moving.set(position);
        return inner.act(view);
    }

    @Override public String name() { return inner.name(); }
}
