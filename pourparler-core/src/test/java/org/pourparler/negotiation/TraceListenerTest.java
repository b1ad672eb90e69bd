package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.RandomAgent;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Scenario;

/** The trace is kept only when asked; a listener receives the same moves without keeping them. */
class TraceListenerTest {

    @Test
    void aListenerReceivesExactlyTheMovesATraceKeeps() {
        Scenario s = SessionTest.split(0.2, 0.2);
        for (Protocol p : Protocol.values()) {
            Session.Options o = Session.Options.defaults().withProtocol(p).withSeed(7);
            SessionResult kept = Session.run(s, List.of(new RandomAgent(), TimeDependentAgent.conceder()), Deadline.rounds(40), o);
            List<TraceEntry> heard = new ArrayList<>();
            SessionResult streamed = Session.run(s, List.of(new RandomAgent(), TimeDependentAgent.conceder()), Deadline.rounds(40),
                    o.withTrace(false), heard::add);
            assertThat(streamed.trace()).as(p.id()).isEmpty();
            assertThat(heard).as(p.id()).isNotEmpty().usingRecursiveFieldByFieldElementComparator().isEqualTo(kept.trace());
            assertThat(streamed.agreement()).isEqualTo(kept.agreement());
        }
    }

    @Test
    void withoutTraceOrListenerNothingIsKeptPerMove() {
        SessionResult r = Session.run(SessionTest.split(0.9, 0.9), List.of(TimeDependentAgent.boulware(), TimeDependentAgent.boulware()),
                Deadline.rounds(5000), Session.Options.defaults().withTrace(false));
        assertThat(r.rounds()).isEqualTo(5000);
        assertThat(r.trace()).isEmpty();
    }
}
