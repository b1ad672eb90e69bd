package org.pourparler.analysis;

import org.pourparler.model.PourparlerException;

/**
 * An analysis that would exceed a stated limit (outcomes to enumerate, frontier points to keep);
 * the message names the limit, the size met and what to do instead.
 */
public class AnalysisLimitException extends PourparlerException {
    private static final long serialVersionUID = 1L;

    public AnalysisLimitException(String message) {
        super(message, null);
    }
}
