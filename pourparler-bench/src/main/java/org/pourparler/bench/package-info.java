/**
 * JMH benchmarks of the hot paths (utility evaluation, analysis, negotiation rounds); run them with
 * {@code bench/run}. docs/performance.md records each figure with its command and machine.
 */
package org.pourparler.bench;
