package org.pourparler.tournament;

/**
 * One party's result of one negotiation: the row of the results table (docs/tournaments.md lists
 * the columns). The figures are a {@link org.pourparler.negotiation.PartyResult} and
 * {@link org.pourparler.negotiation.SessionResult.Metrics}, each defined once in
 * {@link org.pourparler.negotiation.Evaluation}. Nothing in a row depends on the machine, the thread
 * count or the order of completion (wall-clock time goes to {@link LocalRunner.Listener} instead), so
 * the same tournament always gives the same rows.
 *
 * @param agent      the agent's display name; empty for a ratifier
 * @param opponents  the other negotiators' agents, joined by "+"
 * @param outcome    the agreement as "issue=option; ...", or empty
 * @param faultAgent the agent whose fault ended the negotiation, or empty
 * @param fault      "kind: message", or empty
 */
public record ResultRow(String match, String scenario, int repetition, long seed, String protocol, int position, String party,
                        String role, String agent, String opponents, boolean agreement, String outcome, double utility,
                        double payoff, double advantage, double utilityAdvantage, double welfare, double utilityWelfare, int rounds,
                        double time, double distancePareto, double distanceNash, double distanceKalaiSmorodinsky, String ending,
                        String faultAgent, String fault) {
}
