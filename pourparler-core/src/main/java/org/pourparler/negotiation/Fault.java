package org.pourparler.negotiation;

import java.util.Locale;

/**
 * Why a session stopped abnormally: the negotiator at fault (index in turn order and name), the
 * {@link Kind} and a message. Every party gets its no-agreement payoff.
 */
public record Fault(int party, String negotiator, Kind kind, String message) {

    public Fault {
        if (kind == null) throw new IllegalArgumentException("A fault needs a kind");
    }

    /** What went wrong; {@link #id()} is the name used in files, JSON and messages. */
    public enum Kind {
        /** The agent threw. */
        EXCEPTION,
        /** An action the protocol does not allow now, or a package that is not an outcome. */
        ILLEGAL_ACTION,
        /** The agent spent more than its time budget in its calls. */
        TIMEOUT,
        /** The agent ran out of memory in one of its calls. */
        OUT_OF_MEMORY,
        /** A watchdog gave the session up: a call did not return within the time limit. */
        HUNG,
        /** An outside agent (in its own JVM) called {@code System.exit}. */
        EXIT,
        /** An outside agent's JVM ended unexpectedly. */
        CRASH,
        /** The negotiation could not run at all (agents not created, a protocol that cannot decide). */
        ERROR;

        /** The kind's name in files and JSON: {@code illegal-action}, {@code out-of-memory}, ... */
        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        @Override public String toString() { return id(); }
    }
}
