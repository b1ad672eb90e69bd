/**
 * The built-in negotiating agents, as BOA compositions ({@link org.pourparler.agents.BoaAgent}):
 * offering strategies (time-dependent, hard-headed, tit-for-tat, MiCRO, random), acceptance
 * conditions, opponent models, and the offer index they search. {@link org.pourparler.agents.Agents}
 * names every agent and assembles compositions by name; docs/agents.md defines each. Depends on
 * {@code model}, {@code analysis} and {@code negotiation}.
 */
package org.pourparler.agents;
