/**
 * A tournament's ranking and statistics over its results table ({@link org.pourparler.tournament.ResultRow}):
 * independent units ({@code Units}), intervals across scenarios and paired tests between agents
 * ({@link org.pourparler.report.Ranking}), and the report's renderings ({@link org.pourparler.report.ReportFormat}).
 * A module of its own (Apache Commons Statistics) so that the core keeps Jackson only.
 */
package org.pourparler.report;
