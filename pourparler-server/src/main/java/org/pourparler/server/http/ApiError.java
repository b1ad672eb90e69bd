package org.pourparler.server.http;

/**
 * A refusal to show the client: an HTTP status and one plain sentence, sent as {@code {"error": "..."}}.
 * Handlers throw it; {@link Http} turns it into the response.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) throw new IllegalArgumentException("An error status must be 4xx or 5xx, but was " + status);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() { return status; }

    /** 400: the request is malformed. */
    public static ApiError badRequest(String message) { return new ApiError(400, message); }

    /** 401: nobody known; sign in or use the seat's link or token. */
    public static ApiError unauthorized(String message) { return new ApiError(401, message); }

    /** 403: known, but not allowed. */
    public static ApiError forbidden(String message) { return new ApiError(403, message); }

    /** 404: no such thing (also what a stranger hears about a room that exists). */
    public static ApiError notFound(String message) { return new ApiError(404, message); }

    /** 409: the state moved on. */
    public static ApiError conflict(String message) { return new ApiError(409, message); }
}
