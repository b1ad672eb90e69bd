package org.pourparler.server;

import org.pourparler.model.PourparlerException;

/** An error the person starting the server can fix (a bad option, an unreachable database), with a message that says how. */
public final class ServerException extends PourparlerException {
    private static final long serialVersionUID = 1L;

    public ServerException(String message) { super(message, null); }

    public ServerException(String message, Throwable cause) { super(message, cause); }
}
