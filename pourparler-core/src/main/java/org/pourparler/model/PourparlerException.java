package org.pourparler.model;

/**
 * The family of errors a user can cause — a file that cannot be read, an analysis over a stated
 * limit — each with a message that names what was wrong and what to do. Programming errors are
 * unchecked exceptions instead. The CLI prints the message and exits with 2; a server answers 4xx.
 */
public abstract class PourparlerException extends Exception {
    private static final long serialVersionUID = 1L;

    protected PourparlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
