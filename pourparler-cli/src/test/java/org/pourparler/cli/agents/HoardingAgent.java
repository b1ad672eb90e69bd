package org.pourparler.cli.agents;

import java.util.ArrayList;
import java.util.List;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/** Outside code that allocates without limit on its first move. */
public final class HoardingAgent implements Negotiator {
    @Override
    public Action act(NegotiationView view) {
        List<long[]> hoard = new ArrayList<>();
        while (true) hoard.add(new long[1 << 20]);
    }
}
