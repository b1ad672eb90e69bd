/**
 * What a negotiation is: issues and their options ({@link org.pourparler.model.Issue}), the
 * {@link org.pourparler.model.Domain} and its outcomes as dense option indexes
 * ({@link org.pourparler.model.Outcome}), utility functions (linear-additive, hyper-rectangle,
 * sum-of-groups) as primitive tables, a party's {@link org.pourparler.model.Profile} (utility,
 * reservation value, discount, red lines), and the {@link org.pourparler.model.Scenario} with its
 * parties and provenance notes. Immutable values; depends on nothing else in Pourparler.
 *
 * <pre>{@code
 * Domain d = Domain.of("split", List.of(Issue.integer("share of A", 0, 10)));
 * Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(0.1, 0, true))), 0.3);
 * }</pre>
 */
package org.pourparler.model;
