package org.pourparler.tournament;

import java.util.List;

/**
 * Where the negotiations of agents that cannot be trusted are played: outside this JVM, so that
 * an agent calling {@code System.exit}, allocating without limit or never returning ends only its
 * own negotiation. {@code org.pourparler.isolation.ChildJvms} runs {@code class:} agents in child
 * JVMs (docs/negotiation.md) for the CLI and for Spark; this package does no I/O. An isolated negotiation enforces the
 * specification's time limit itself, so {@link LocalRunner}'s in-process watchdog does not watch it.
 */
public interface Isolation {

    /** Nothing is isolated: every negotiation runs in this JVM. */
    Isolation NONE = new Isolation() {
        @Override public boolean isolates(Match m) { return false; }

        @Override public List<ResultRow> play(Match m) { throw new UnsupportedOperationException("nothing is isolated"); }
    };

    /** Whether {@code m} must be played in isolation (it involves an untrusted agent). */
    boolean isolates(Match m);

    /**
     * Plays {@code m} in isolation and returns its rows, blocking; when the isolated negotiation
     * ends abnormally (the process exits, runs out of memory, or runs past the time limit), the
     * rows of a fault ({@link Tournament#failed}). Called from several runner threads at once.
     */
    List<ResultRow> play(Match m);
}
