package org.pourparler.analysis;

/**
 * The analysis would take more work than its limit ({@link AgreementAnalysis.Options#maxWork}): the
 * exact frontier of this scenario is too large to find in reasonable time. Thrown as soon as the
 * limit is reached, never after the work is done.
 */
public final class AnalysisWorkLimitException extends AnalysisLimitException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public AnalysisWorkLimitException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit that was reached, in steps. */
    public long limit() { return limit; }
}
