/**
 * GENIUS XML scenarios: {@link org.pourparler.io.genius.GeniusXml} reads a domain file and its
 * preference profiles (a folder, named files or texts) and writes a scenario back as such files.
 *
 * <p>Semantics follow GENIUS's own classes ({@code DomainImpl}, {@code AdditiveUtilitySpace},
 * {@code EvaluatorDiscrete/Integer/Real}, {@code NonlinearUtilitySpace}, {@code UtilityFunction},
 * {@code Inclusive/ExclusiveHyperRectangle}); where this package departs from them it says so:
 * weights are divided by their sum and additive utilities are not capped at 1 (under
 * {@link org.pourparler.negotiation.Conventions#GENIUS} both as GENIUS: weights as given, capped);
 * real issues get a grid; a value listed twice in a domain is kept once; the pre-2010 integer
 * evaluator format is read as old GENIUS read it.
 */
package org.pourparler.io.genius;
