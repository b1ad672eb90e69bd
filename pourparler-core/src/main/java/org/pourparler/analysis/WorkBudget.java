package org.pourparler.analysis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the work of one analysis, counted in elementary steps (one step is about one
 * comparison of two utility vectors, or one outcome enumerated). Frontier algorithms charge what
 * they are about to do before they do it, so an analysis that would run for minutes stops within
 * a fraction of a second of reaching the limit. Thread-safe: parallel enumeration charges one
 * budget from every worker.
 */
final class WorkBudget {
    /** A budget that never runs out. */
    static final WorkBudget UNLIMITED = new WorkBudget(Long.MAX_VALUE);

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    WorkBudget(long limit) {
        this.limit = limit;
    }

    long limit() { return limit; }

    long used() { return used.get(); }

    /**
     * Records {@code steps} more steps.
     *
     * @throws Exceeded when the total passes the limit
     */
    void charge(long steps) {
        if (limit == Long.MAX_VALUE || steps <= 0) return;
        long total = used.addAndGet(steps);
        if (total > limit || total < 0) throw new Exceeded(limit);
    }

    /** Raised deep inside an algorithm; {@link AgreementAnalysis} turns it into an {@link AnalysisWorkLimitException}. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long limit;

        Exceeded(long limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }
}
