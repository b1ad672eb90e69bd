package org.pourparler.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Session;
import org.pourparler.server.store.Stores;
import org.pourparler.server.store.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing every request goes through, in order: the size limit, the security headers, who is
 * asking ({@link Principal}, from a bearer token or a session cookie), the CSRF check of cookie-borne
 * state changes; and on the way out, errors as {@code {"error": "..."}} (never a stack trace) and a log
 * line without tokens, cookies, query strings or bodies.
 *
 * <p>Handlers read the caller with {@link #principal(Context)} and resolve a room they may see with
 * {@link #room(Context, Stores)}.
 */
public final class Http {
    /** The one JSON mapper of responses. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** The session cookie (convener or seat). */
    public static final String SESSION_COOKIE = "pourparler_session";
    /** The header a page echoes its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field a plain HTML form echoes it in. */
    public static final String CSRF_FIELD = "csrf";

    private static final Logger LOG = LoggerFactory.getLogger("org.pourparler.server.requests");
    private static final String AUTH = "pourparler.authentication";
    private static final String COUNTED = "pourparler.inFlight";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private Http() {}

    /** Who asked, and by what: a cookie session (whose CSRF token state changes must echo) or not. */
    record Authentication(Principal principal, Optional<Session> cookieSession) {}

    /**
     * Installs the plumbing.
     *
     * @param maxRequestBytes the largest request body accepted (413 beyond)
     * @param secureCookies whether cookies get the Secure flag (the public base URL is https)
     */
    public static void install(JavalinConfig config, Stores stores, long maxRequestBytes, boolean secureCookies, InFlight inFlight) {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(inFlight, "inFlight");
        config.jsonMapper(new JavalinJackson(JSON, false));
        config.http.maxRequestSize = maxRequestBytes;
        config.http.defaultContentType = "application/json";
        config.appData(SECURE_COOKIES, secureCookies);
        config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {}ms", ctx.method(), route(ctx), ctx.statusCode(), Math.round(ms)));

        config.routes.before(ctx -> {
            securityHeaders(ctx, secureCookies);
            if (!inFlight.enter()) throw new ApiError(503, "The server is stopping; please try again in a moment.");
            ctx.attribute(COUNTED, Boolean.TRUE);
            if (ctx.contentLength() > maxRequestBytes) {
                drain(ctx, 4 * maxRequestBytes);
                throw tooLarge(maxRequestBytes);
            }
            Authentication auth = authenticate(ctx, stores);
            ctx.attribute(AUTH, auth);
            if (!SAFE.contains(ctx.method()) && auth.cookieSession().isPresent()) checkCsrf(ctx, auth.cookieSession().get());
        });

        config.routes.after(ctx -> {
            if (Boolean.TRUE.equals(ctx.attribute(COUNTED))) {
                ctx.attribute(COUNTED, Boolean.FALSE);
                inFlight.exit();
            }
        });
        config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) drain(ctx, 4 * maxRequestBytes);
            error(ctx, e.getStatus(), e.getStatus() == 413 ? tooLarge(maxRequestBytes).getMessage() : plain(e.getStatus()));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), route(ctx), withoutMessages(e));
            error(ctx, 500, "The server failed on this request. The failure is logged; please try again or report it.");
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, 404, "There is no such page or endpoint.");
        });
        config.routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, 405, "This endpoint does not take that method.");
        });
    }

    private static final io.javalin.config.Key<Boolean> SECURE_COOKIES = new io.javalin.config.Key<>("pourparler.secureCookies");

    /** The caller of this request. */
    public static Principal principal(Context ctx) {
        Authentication auth = ctx.attribute(AUTH);
        return auth == null ? Principal.Anonymous.INSTANCE : auth.principal();
    }

    /** The caller's session, when the request came with a session cookie. */
    public static Optional<Session> session(Context ctx) {
        Authentication auth = ctx.attribute(AUTH);
        return auth == null ? Optional.empty() : auth.cookieSession();
    }

    /** A room the caller may see, and how the caller reads it. */
    public record RoomView(Room room, Audience.Reader reader) {}

    /**
     * The room named by the path parameter {@code room}, for a caller who has a standing in it.
     *
     * @throws ApiError 401 for an anonymous caller; 404 when the room does not exist or the caller is a
     *     stranger to it (a stranger does not learn that it exists)
     */
    public static RoomView room(Context ctx, Stores stores) {
        Principal p = principal(ctx);
        if (p instanceof Principal.Anonymous) {
            throw ApiError.unauthorized("Sign in, open your seat's invite link, or send your seat's API token as 'Authorization: Bearer TOKEN'.");
        }
        Optional<Room> room = stores.rooms().find(ctx.pathParam("room"));
        Audience.Reader reader = room.map(p::readerOf).orElse(Audience.Reader.stranger());
        if (room.isEmpty() || reader instanceof Audience.Reader.Stranger) throw ApiError.notFound("There is no such room.");
        return new RoomView(room.get(), reader);
    }

    /**
     * Answers {@code {"error": message}} with the status; to a browser asking for a page (not under
     * {@code /api/}), the same sentence as an HTML page, or as a fragment for htmx.
     */
    public static void error(Context ctx, int status, String message) {
        if (wantsHtml(ctx)) {
            ctx.status(status);
            if ("true".equals(ctx.header("HX-Request"))) {
                ctx.contentType("text/html; charset=utf-8").result("<p class=\"error\" role=\"alert\">"
                        + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
            } else {
                ctx.contentType("text/html; charset=utf-8").result(org.pourparler.server.pages.Pages.html("error.jte",
                        java.util.Map.of("message", message, "csrf", session(ctx).map(Session::csrfToken).orElse(""))));
            }
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("error", message);
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    /** Whether the request is a browser's for a page: not the API, and HTML accepted (htmx asks with HX-Request). */
    private static boolean wantsHtml(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/openapi.json")) return false;
        String accept = ctx.header("Accept");
        return "true".equals(ctx.header("HX-Request")) || (accept != null && accept.contains("text/html"));
    }

    /**
     * Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the server is reached over https.
     * Lax, not Strict: a browser then sends it when a person follows an invite or study link from
     * another site (a webmail, a survey); every state change is a POST that must carry the session's
     * CSRF token as well, and no GET changes a room.
     */
    public static void setSessionCookie(Context ctx, String token) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + org.pourparler.server.store.Sessions.VALIDITY.toSeconds() + (secure(ctx) ? "; Secure" : ""));
    }

    /** Clears the session cookie. */
    public static void clearSessionCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (secure(ctx) ? "; Secure" : ""));
    }

    private static boolean secure(Context ctx) {
        try {
            return Boolean.TRUE.equals(ctx.appData(SECURE_COOKIES));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Authentication authenticate(Context ctx, Stores stores) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            // a bearer token, right or wrong, decides alone: no falling back to a cookie
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return new Authentication(Principal.Anonymous.INSTANCE, Optional.empty());
            return new Authentication(stores.seats().findByToken(authorization.substring(7).trim())
                    .filter(s -> !s.revoked())
                    .<Principal>map(s -> new Principal.Seat(s.room(), s.index()))
                    .orElse(Principal.Anonymous.INSTANCE), Optional.empty());
        }
        Optional<Session> session = stores.sessions().find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) return new Authentication(Principal.Anonymous.INSTANCE, Optional.empty());
        Principal p = session.get().owner() instanceof Session.SeatOwner s
                ? new Principal.Seat(s.seat().room(), s.seat().index())
                : new Principal.Convener(((Session.ConvenerOwner) session.get().owner()).convenerId());
        return new Authentication(p, session);
    }

    private static void checkCsrf(Context ctx, Session session) {
        String sent = ctx.header(CSRF_HEADER);
        String type = String.valueOf(ctx.contentType());
        if (sent == null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) sent = ctx.formParam(CSRF_FIELD);
        if (sent == null || !Tokens.equalsConstantTime(sent, session.csrfToken())) {
            throw ApiError.forbidden("This request lacks the page's CSRF token (header " + CSRF_HEADER
                    + "); reload the page and try again.");
        }
    }

    private static void securityHeaders(Context ctx, boolean https) {
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cache-Control", "no-store");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    /**
     * Reads and drops what is left of a refused body, up to {@code bound} bytes in all (a declared
     * length above it is not read at all), so that the 413 reaches the client: a connection closed
     * while the client's bytes are still unread is reset, and the reset can destroy the answer
     * before the client reads it (seen in CI as "header parser received no bytes").
     */
    private static void drain(Context ctx, long bound) {
        if (ctx.contentLength() > bound) return;
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < bound && (n = in.read(buffer)) > 0; ) read += n;
        } catch (java.io.IOException | IllegalStateException e) {
            // the client went away or the stream was taken: nothing more to do for it
        }
    }

    private static ApiError tooLarge(long max) {
        return new ApiError(413, "The request body is larger than the server accepts (" + max / (1024 * 1024) + " MiB at most).");
    }

    private static String plain(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Sign in first.";
            case 403 -> "This is not allowed.";
            case 404 -> "There is no such page or endpoint.";
            case 405 -> "This endpoint does not take that method.";
            default -> status >= 500 ? "The server failed on this request." : "The request was refused.";
        };
    }

    /**
     * The failure with its types and stack frames but no messages: a message may quote a request's
     * private values (a profile, a token), and nothing private may reach the log.
     */
    static Throwable withoutMessages(Throwable e) {
        Throwable cause = e.getCause() == null || e.getCause() == e ? null : withoutMessages(e.getCause());
        Throwable copy = new Throwable(e.getClass().getName() + " (message withheld from the log)", cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** The matched route's template (/join/{token}, never the token), or "(no route)". */
    private static String route(Context ctx) {
        try {
            io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "(no route)" : matched.path;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }
}
