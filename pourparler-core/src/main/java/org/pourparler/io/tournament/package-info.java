/**
 * Tournament specifications, {@code pourparler-tournament/1} (docs/tournaments.md):
 * {@link org.pourparler.io.tournament.TournamentFormat} reads one with file, line and key in every
 * error, and loads the scenario files it names into a ready {@code Tournament}.
 */
package org.pourparler.io.tournament;
