package org.pourparler.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pourparler.server.PourparlerServer;
import org.pourparler.server.ServerConfig;
import org.pourparler.server.rooms.RoomEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pourparler serve}: the live back channel's server (docs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve live negotiation rooms over HTTP until stopped (Ctrl-C or SIGTERM stop it gracefully).",
                "Prints a one-time sign-in link for the convener at every start (docs/server.md)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); another than loopback needs --behind-proxy.")
    String bind;

    @Option(names = "--db", defaultValue = ServerConfig.DEFAULT_DATABASE, paramLabel = "FILE.db|JDBC-URL",
            description = "An SQLite file (created when missing; default: ${DEFAULT-VALUE} in the working directory) "
                    + "or a PostgreSQL URL, e.g. jdbc:postgresql://localhost/pourparler?user=pp&password=...")
    String database;

    @Option(names = "--behind-proxy",
            description = "A TLS reverse proxy (nginx, Caddy) stands in front: allows a public --bind and trusts its Forwarded headers.")
    boolean behindProxy;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve https itself with the certificate and key in this PKCS12 or JKS keystore (its password "
                    + "in the environment variable POURPARLER_TLS_PASSWORD); allows a public --bind.")
    java.nio.file.Path tlsKeystore;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "The folder of example scenarios rooms may be opened from by name (default: ./examples, else the"
                    + " repository's examples/ beside the CLI).")
    java.nio.file.Path examples;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The URL people reach the server at, for printed links (https:// makes cookies Secure), "
                    + "e.g. https://mediation.example.org")
    String baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new Main.UserException("--port must be in 0..65535, but was " + port);
        // the server logs requests and its start through SLF4J; every other command keeps it off
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.pourparler", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        ServerConfig config = ServerConfig.defaults().withPort(port).withBind(bind).withDatabase(database).withBehindProxy(behindProxy);
        if (baseUrl != null) config = config.withPublicBaseUrl(ServerConfig.parseBaseUrl(baseUrl));
        if (tlsKeystore != null) {
            String password = System.getenv("POURPARLER_TLS_PASSWORD");
            if (password == null) {
                throw new Main.UserException("--tls-keystore " + tlsKeystore + ": set its password in the environment variable "
                        + "POURPARLER_TLS_PASSWORD (not on the command line, where other users could read it)");
            }
            config = config.withTls(new ServerConfig.Tls(tlsKeystore, password));
        }
        RoomEndpoints rooms = new RoomEndpoints(examplesFolder(), config.publicBaseUrl());
        PourparlerServer server = PourparlerServer.start(config, List.of(rooms));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rooms.close();
            server.stop();
            stopped.countDown();
        }, "pourparler-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Pourparler is serving on port " + server.port() + " (" + server.stores().database().description() + ").");
        out.println("Sign in as the convener with this one-time link (valid 24 hours; every start prints a fresh one):");
        out.println("  " + server.signInLink());
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }

    /** --examples, else ./examples, else the repository's examples/ two folders above the CLI's jar (pourparler-cli/target). */
    private java.nio.file.Path examplesFolder() throws Main.UserException {
        if (examples != null) {
            if (!java.nio.file.Files.isDirectory(examples)) throw new Main.UserException("--examples " + examples + ": not a folder");
            return examples;
        }
        java.nio.file.Path here = java.nio.file.Path.of("examples");
        if (java.nio.file.Files.isDirectory(here)) return here;
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            java.nio.file.Path repo = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            if (repo != null && java.nio.file.Files.isDirectory(repo.resolve("examples"))) return repo.resolve("examples");
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // no jar location: only ./examples or --examples
        }
        return here;
    }
}
