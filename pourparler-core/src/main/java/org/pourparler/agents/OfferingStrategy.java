package org.pourparler.agents;

import org.pourparler.model.Outcome;

/**
 * What an agent offers next. Most strategies compute a target utility and let
 * {@link AgentState#near(double)} find a package at or just above it (using the opponent model, if
 * any, to choose among packages of about equal utility).
 */
@FunctionalInterface
public interface OfferingStrategy {

    /** Called once when the session starts, after the state is built. */
    default void start(AgentState state) { }

    /** The package to offer (or propose) now. */
    Outcome offer(AgentState state);
}
