package org.pourparler.room;

import java.util.Locale;

/**
 * Who takes a negotiating party's seat: a person (from an invite link), a built-in agent (any agent
 * spec {@code negotiate} accepts), or an outside program (with an API token).
 *
 * @param party          the scenario party this seat plays
 * @param kind           person, agent or program
 * @param agent          the agent spec of an agent seat, "" otherwise
 * @param profileByParty whether the party enters its own profile after joining (the convener never
 *                       sees it in a blind room); otherwise it receives the scenario's profile as its
 *                       confidential brief
 */
public record Seat(String party, Kind kind, String agent, boolean profileByParty) {
    public enum Kind {
        PERSON, AGENT, PROGRAM;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        /** @throws IllegalArgumentException naming the kinds */
        public static Kind of(String name) {
            for (Kind k : values()) if (k.id().equals(name.trim().toLowerCase(Locale.ROOT))) return k;
            throw new IllegalArgumentException("Unknown seat kind '" + name + "'; the kinds are person, agent, program");
        }
    }

    public Seat {
        if (party == null || party.isBlank()) throw new IllegalArgumentException("A seat needs the party it plays");
        if (kind == null) throw new IllegalArgumentException("A seat needs a kind: person, agent or program");
        agent = agent == null ? "" : agent.trim();
        if ((kind == Kind.AGENT) == agent.isEmpty()) {
            throw new IllegalArgumentException("Seat '" + party + "': " + (kind == Kind.AGENT ? "an agent seat needs an agent spec"
                    : "only an agent seat has an agent spec"));
        }
        if (kind == Kind.AGENT && profileByParty) {
            throw new IllegalArgumentException("Seat '" + party + "': an agent plays the scenario's profile; it cannot enter its own");
        }
    }

    public static Seat person(String party) { return new Seat(party, Kind.PERSON, "", false); }

    public static Seat agent(String party, String spec) { return new Seat(party, Kind.AGENT, spec, false); }

    public static Seat program(String party) { return new Seat(party, Kind.PROGRAM, "", false); }

    /** This seat, its party entering its own profile. */
    public Seat enteringProfile() { return new Seat(party, kind, agent, true); }
}
