/**
 * Tournaments: a specification ({@link org.pourparler.tournament.TournamentSpec}), its schedule of
 * negotiations with seeds derived from what each agent is, the local runner (all cores, hang
 * watchdog, isolation of outside agents) and the results table, one row per negotiation and party.
 * Pure: reading specifications and scenario files is {@code io}'s job; rankings and statistics are
 * the {@code pourparler-report} module's. docs/tournaments.md has the details.
 */
package org.pourparler.tournament;
