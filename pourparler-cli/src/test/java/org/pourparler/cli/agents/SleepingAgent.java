package org.pourparler.cli.agents;

import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/** Outside code that never returns from its first move and ignores interrupts (it sleeps, so it keeps no core busy). */
public final class SleepingAgent implements Negotiator {
    @Override
    public Action act(NegotiationView view) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                // keeps not returning
            }
        }
    }
}
