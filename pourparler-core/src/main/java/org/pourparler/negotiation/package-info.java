/**
 * Negotiations between automated negotiators: the four protocols (stacked alternating offers,
 * single negotiating text, blind bidding with hidden acceptances, test the waters), deadlines, the
 * {@link org.pourparler.negotiation.Negotiator} API and the private
 * {@link org.pourparler.negotiation.NegotiationView}, and what a session reports: payoffs and
 * metrics, each defined once in {@link org.pourparler.negotiation.Evaluation}.
 * {@link org.pourparler.negotiation.Session#run} is the entry point; docs/negotiation.md specifies the
 * rules. Depends on {@code model} and {@code analysis}.
 */
package org.pourparler.negotiation;
