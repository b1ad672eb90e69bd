package org.pourparler.tournament;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One negotiation of a tournament, by its coordinates: the scenario, the agent in each negotiating
 * position (scenario order), the repetition. Its id and seed derive from the coordinates' names only,
 * so they do not depend on the order of work, the number of threads, or the machine.
 *
 * @param scenario   index into {@link Tournament#scenarios()}
 * @param agents     index into the specification's agents, per negotiating position
 * @param repetition 0-based
 * @param id         "scenario|agent,agent|repetition", unique in the tournament
 * @param seed       the negotiation's seed
 */
public record Match(int scenario, int[] agents, int repetition, String id, long seed) {

    public Match {
        agents = agents.clone();
    }

    @Override public int[] agents() { return agents.clone(); }

    /** The agent index in negotiating position {@code position}. */
    public int agent(int position) { return agents[position]; }

    static Match of(int scenario, String scenarioKey, int[] agents, List<String> agentNames, int repetition, long masterSeed) {
        StringBuilder id = new StringBuilder(scenarioKey).append('|');
        for (int p = 0; p < agents.length; p++) id.append(p == 0 ? "" : ",").append(agentNames.get(agents[p]));
        id.append('|').append(repetition);
        String s = id.toString();
        return new Match(scenario, agents, repetition, s, seed(masterSeed, s));
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
