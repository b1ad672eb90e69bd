/**
 * What a scenario allows, computed exactly: the zone of possible agreement, the Pareto frontier
 * (merged issue by issue, branch and bound, or enumerated), the bargaining solutions (Nash,
 * Kalai–Smorodinsky, egalitarian, utilitarian), and, when no zone exists, the diagnosis of who
 * blocks it and what would open one. {@link org.pourparler.analysis.AgreementAnalysis} is the entry
 * point; docs/analysis.md states every definition. Depends on {@code model} only.
 */
package org.pourparler.analysis;
