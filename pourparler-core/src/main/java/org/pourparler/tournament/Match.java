package org.pourparler.tournament;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One negotiation of a tournament, by its coordinates: the scenario, the agent in each negotiating
 * position (scenario order), the repetition. Its id derives from the scenario key, the agents' display
 * names and the repetition; its seed from the scenario key, what the agents are (their specifications,
 * canonicalised: renaming an agent leaves its results unchanged) and the repetition. Neither depends on
 * the order of work, the number of threads, or the machine.
 *
 * @param scenario   index into {@link Tournament#scenarios()}
 * @param agents     index into the specification's agents, per negotiating position
 * @param repetition 0-based
 * @param id         "scenario|agent,agent|repetition" with {@code % | ,} inside the parts escaped as %25 %7C %2C, unique
 *                   in the tournament
 * @param seed       the negotiation's seed
 */
public record Match(int scenario, int[] agents, int repetition, String id, long seed) {

    public Match {
        agents = agents.clone();
    }

    @Override public int[] agents() { return agents.clone(); }

    /** The agent index in negotiating position {@code position}. */
    public int agent(int position) { return agents[position]; }

    static Match of(int scenario, String scenarioKey, int[] agents, List<TournamentSpec.AgentRef> refs, int repetition, long masterSeed) {
        StringBuilder id = new StringBuilder(escape(scenarioKey)).append('|');
        StringBuilder identity = new StringBuilder(escape(scenarioKey)).append('|');
        for (int p = 0; p < agents.length; p++) {
            id.append(p == 0 ? "" : ",").append(escape(refs.get(agents[p]).name()));
            identity.append(p == 0 ? "" : ",").append(escape(canonical(refs.get(agents[p]).agent())));
        }
        id.append('|').append(repetition);
        identity.append('|').append(repetition);
        return new Match(scenario, agents, repetition, id.toString(), seed(masterSeed, identity.toString()));
    }

    /**
     * A part of an id with its separators escaped ({@code %} as %25, {@code |} as %7C, {@code ,} as
     * %2C), so that ids of different coordinates never coincide whatever the names hold.
     */
    static String escape(String s) {
        return s.replace("%", "%25").replace("|", "%7C").replace(",", "%2C");
    }

    /**
     * What an agent is, whatever it is called: its specification with case, blanks and number
     * spellings that {@link org.pourparler.agents.Agents#create} ignores taken out ("Boulware" and
     * "boulware", "time-dependent:0.50" and "time-dependent:.5", BOA parts in any order), so that a
     * negotiation's seed follows the agents' specifications and not their display names.
     */
    static String canonical(String spec) {
        String s = spec.trim();
        if (s.startsWith("class:")) return "class:" + s.substring("class:".length()).trim();
        if (s.startsWith("boa:")) {
            java.util.TreeMap<String, String> parts = new java.util.TreeMap<>();
            for (String part : s.substring("boa:".length()).split(";")) {
                int eq = part.indexOf('=');
                if (part.isBlank() || eq < 0) continue;
                parts.put(part.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT), canonical(part.substring(eq + 1)));
            }
            StringBuilder b = new StringBuilder("boa:");
            parts.forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
            return b.toString();
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon > 0) {
            // a parameter that is a number is written one way: 0.50, .5 and 5e-1 are the same agent
            try {
                return lower.substring(0, colon) + ":" + Double.parseDouble(lower.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                return lower;
            }
        }
        return lower;
    }

    /** A 64-bit seed from the master seed and an id: FNV-1a over the id's UTF-8 bytes, then a finalising mix. */
    static long seed(long master, String id) {
        long h = 0xcbf29ce484222325L ^ master;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Override public boolean equals(Object o) { return o instanceof Match m && m.id.equals(id) && m.seed == seed; }

    @Override public int hashCode() { return id.hashCode(); }

    @Override public String toString() { return id + " (seed " + seed + ", agents " + Arrays.toString(agents) + ")"; }
}
