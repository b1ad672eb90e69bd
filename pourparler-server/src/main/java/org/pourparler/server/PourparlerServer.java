package org.pourparler.server;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.pourparler.server.http.EventStreams;
import org.pourparler.server.http.Http;
import org.pourparler.server.http.InFlight;
import org.pourparler.server.http.ServerRoutes;
import org.pourparler.server.store.Conveners;
import org.pourparler.server.store.Database;
import org.pourparler.server.store.EventBus;
import org.pourparler.server.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pourparler server: opens the database, makes sure the convener exists, issues a fresh one-time
 * sign-in link, and serves HTTP until stopped.
 *
 * <pre>{@code
 * PourparlerServer server = PourparlerServer.start(ServerConfig.defaults().withPort(0), List.of());
 * System.out.println(server.signInLink());        // http://127.0.0.1:PORT/signin?token=...
 * server.stop();
 * }</pre>
 *
 * <p>The room engine plugs its endpoints in as {@link Extension}s, over the same {@link Stores}.
 */
public final class PourparlerServer {
    private static final Logger LOG = LoggerFactory.getLogger(PourparlerServer.class);
    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(10);
    /** Platform threads for requests and streams on a JVM without virtual threads (Java 17). */
    private static final int MAX_THREADS = 4096;

    /** Endpoints added to the server (the room engine's), with the stores they work on. */
    @FunctionalInterface
    public interface Extension {
        void addRoutes(RoutesConfig routes, Stores stores);
    }

    private final ServerConfig config;
    private final Database database;
    private final Stores stores;
    private final EventStreams streams;
    private final InFlight inFlight;
    private final Javalin app;
    private final String signInLink;
    private boolean stopped;

    private PourparlerServer(ServerConfig config, Database database, Stores stores, EventStreams streams, InFlight inFlight,
                             Javalin app, String signInLink) {
        this.inFlight = inFlight;
        this.config = config;
        this.database = database;
        this.stores = stores;
        this.streams = streams;
        this.app = app;
        this.signInLink = signInLink;
    }

    /**
     * Starts a server with the in-process event bus.
     *
     * @throws ServerException when the configuration is refused, the database cannot be opened, or the
     *     port is taken
     */
    public static PourparlerServer start(ServerConfig config, List<Extension> extensions) throws ServerException {
        return start(config, extensions, Clock.systemUTC());
    }

    /**
     * Starts a server reading the given clock (tests). Its event bus fits the database: in-process on
     * SQLite, LISTEN/NOTIFY on PostgreSQL, so several servers can share one PostgreSQL database.
     */
    public static PourparlerServer start(ServerConfig config, List<Extension> extensions, Clock clock) throws ServerException {
        Objects.requireNonNull(extensions, "extensions");
        config.validate();
        Database database = Database.open(config.database());
        EventBus bus = database.newEventBus();
        try {
            Stores stores = Stores.over(database, clock, bus);
            EventStreams streams = new EventStreams(stores.log(), bus, config.heartbeat());
            InFlight inFlight = new InFlight();
            ServerRoutes routes = new ServerRoutes(stores, streams);
            Javalin app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.jetty.host = config.bind();
                c.jetty.port = config.port();
                config.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> httpsConnector(server, http, config, tls)));
                if (config.behindProxy()) c.jetty.modifyHttpConfiguration(h -> h.addCustomizer(new ForwardedRequestCustomizer()));
                c.jetty.modifyServer(s -> s.setStopTimeout(10_000));
                // every open stream holds a thread while it waits for its room's next event: Jetty's
                // default pool (a few hundred) would leave actions queued behind streams. Virtual
                // threads where the JVM has them (21+), else a pool with room for thousands of streams.
                if (Runtime.version().feature() >= 21) {
                    c.concurrency.useVirtualThreads = true;
                } else {
                    org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(MAX_THREADS, 8, 60_000);
                    pool.setName("pourparler-http");
                    c.jetty.threadPool = pool;
                }
                Http.install(c, stores, config.maxRequestBytes(), config.https(), inFlight);
                routes.addTo(c.routes);
                for (Extension e : extensions) e.addRoutes(c.routes, stores);
            });
            try {
                app.start();
            } catch (RuntimeException e) {
                throw new ServerException("Cannot listen on " + config.bind() + ":" + config.port()
                        + " (is another server using it? try --port): " + e.getMessage(), e);
            }
            long convener = stores.conveners().ensureConvener();
            stores.sessions().deleteExpired();
            stores.log().deleteExpiredIdempotencyKeys();
            stores.conveners().deleteSpentSignIns();
            String token = stores.conveners().issueSignIn(convener, Conveners.SIGN_IN_VALIDITY);
            URI base = config.publicBaseUrl().orElse(URI.create((config.tls().isPresent() ? "https://" : "http://")
                    + hostForUrl(config.bind()) + ":" + app.port()));
            String link = base + "/signin?token=" + token;
            LOG.info("Pourparler serves {} on {}", database.description(), base);
            return new PourparlerServer(config, database, stores, streams, inFlight, app, link);
        } catch (ServerException | RuntimeException e) {
            bus.close();
            database.close();
            throw e;
        }
    }

    /** The only connector when the server has its own certificate: HTTP/1.1 over TLS. */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, ServerConfig config, ServerConfig.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);                   // clients may name the server by address
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        return connector;
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) return "127.0.0.1";
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** The port the server listens on (the free one picked for port 0). */
    public int port() { return app.port(); }

    /** This start's one-time sign-in link for the convener (valid 24 hours, once). */
    public String signInLink() { return signInLink; }

    /** The stores, for the room engine and tests. */
    public Stores stores() { return stores; }

    /** The live streams, for their count (tests, metrics). */
    public EventStreams streams() { return streams; }

    /** The configuration it started with. */
    public ServerConfig config() { return config; }

    /**
     * Stops gracefully: live streams end, new requests are refused (503), requests in flight finish
     * (10 s at most), the listener closes, then the pool. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) return;
        stopped = true;
        streams.close();
        try {
            if (!inFlight.drain(DRAIN)) LOG.warn("requests still in flight after {} s; stopping anyway", DRAIN.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        stores.bus().close();
        database.close();
        LOG.info("Pourparler stopped");
    }

    /** Stops the server when the JVM is asked to end (SIGTERM, Ctrl-C). */
    public void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "pourparler-shutdown"));
    }
}
