package org.pourparler.spark.agents;

import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/** Outside code that ends the process on its first move: on Spark it would end the executor (in local mode, the driver). */
public final class ExitingAgent implements Negotiator {
    @Override
    public Action act(NegotiationView view) {
        System.exit(42);
        return null;
    }
}
