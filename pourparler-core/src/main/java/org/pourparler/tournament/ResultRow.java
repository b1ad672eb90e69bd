package org.pourparler.tournament;

/**
 * One party's result of one negotiation: the row of the results table (docs/tournaments.md lists
 * the columns). The figures are a {@link org.pourparler.negotiation.PartyResult} and
 * {@link org.pourparler.negotiation.SessionResult.Metrics}, each defined once in
 * {@link org.pourparler.negotiation.Evaluation}.
 *
 * @param agent      the agent's display name; empty for a ratifier
 * @param opponents  the other negotiators' agents, joined by "+"
 * @param outcome    the agreement as "issue=option; ...", or empty
 * @param faultAgent the agent whose fault ended the negotiation, or empty
 * @param fault      "kind: message", or empty
 */
public record ResultRow(String match, String scenario, int repetition, long seed, String protocol, int position, String party,
                        String role, String agent, String opponents, boolean agreement, String outcome, double utility,
                        double payoff, double advantage, double utilityAdvantage, double welfare, double utilityWelfare, int rounds, double time, double seconds, double distancePareto,
                        double distanceNash, double distanceKalaiSmorodinsky, String ending, String faultAgent, String fault) {

    /** The same row without the wall-clock seconds (the only column that differs between identical runs). */
    public ResultRow withoutSeconds() {
        return new ResultRow(match, scenario, repetition, seed, protocol, position, party, role, agent, opponents, agreement, outcome,
                utility, payoff, advantage, utilityAdvantage, welfare, utilityWelfare, rounds, time, 0, distancePareto, distanceNash, distanceKalaiSmorodinsky, ending,
                faultAgent, fault);
    }
}
