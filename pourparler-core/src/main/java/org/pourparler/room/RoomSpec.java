package org.pourparler.room;

import java.util.List;
import org.pourparler.agents.Agents;
import org.pourparler.model.Party;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;

/**
 * How a room is set up, fixed when it opens: the scenario, the deadline, the session options (protocol,
 * seed, no-agreement payoff, probes, conventions), the mediation and who takes each negotiating seat,
 * in the scenario's order of negotiating parties. Ratifiers are not seated: their profiles ratify.
 *
 * @param messagesToAll whether parties may send messages to everyone (always to the mediator)
 */
public record RoomSpec(String title, org.pourparler.model.Scenario scenario, Deadline deadline, Session.Options options,
                       Mediation mediation, List<Seat> seats, boolean messagesToAll) {
    public RoomSpec {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("A room needs a title");
        if (scenario == null || deadline == null || options == null || mediation == null) {
            throw new IllegalArgumentException("A room needs a scenario, a deadline, options and a mediation");
        }
        seats = List.copyOf(seats);
        List<Party> negotiators = scenario.negotiators();
        if (seats.size() != negotiators.size()) {
            throw new IllegalArgumentException("The scenario has " + negotiators.size() + " negotiating parties, but " + seats.size()
                    + " seats were given");
        }
        for (int j = 0; j < seats.size(); j++) {
            if (!seats.get(j).party().equals(negotiators.get(j).name())) {
                throw new IllegalArgumentException("Seat " + (j + 1) + " is for '" + seats.get(j).party() + "', but the scenario's party "
                        + (j + 1) + " is '" + negotiators.get(j).name() + "'");
            }
            if (seats.get(j).kind() == Seat.Kind.AGENT) Agents.create(seats.get(j).agent());   // throws naming the known agents
        }
        if (seats.stream().allMatch(s -> s.kind() == Seat.Kind.AGENT)) {
            throw new IllegalArgumentException("A room needs at least one seat for a person or a program; agents alone play with `negotiate`");
        }
        // the room never keeps a trace of its own (its events are the record) and never runs the analysis per move
        options = options.withTrace(false).withMetrics(false);
    }
}
