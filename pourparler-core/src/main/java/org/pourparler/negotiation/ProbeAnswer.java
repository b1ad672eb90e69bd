package org.pourparler.negotiation;

/** The protocol's answer to the probes of one round of test the waters: whether a zone exists. */
public record ProbeAnswer(int round, boolean zoneExists) { }
