package org.pourparler.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server starts. Immutable; built from defaults with the {@code with...} methods.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults().withPort(0).withDatabase("test.db");   // port 0: any free port
 * }</pre>
 *
 * @param port the TCP port (0 picks a free one)
 * @param bind the address to listen on: loopback unless {@code behindProxy}
 * @param database an SQLite file or a {@code jdbc:postgresql://} URL
 * @param publicBaseUrl the URL people reach the server at (printed links; https makes cookies Secure);
 *     empty: {@code http://BIND:PORT}
 * @param behindProxy whether a TLS-terminating reverse proxy stands in front (allows a public bind)
 * @param maxRequestBytes the largest request body accepted
 * @param heartbeat the silence after which a live stream sends a heartbeat comment
 * @param tls the server's own TLS certificate, if it serves https itself (allows a public bind)
 */
public record ServerConfig(int port, String bind, String database, Optional<URI> publicBaseUrl, boolean behindProxy,
                           long maxRequestBytes, Duration heartbeat, Optional<Tls> tls) {

    /**
     * A keystore (PKCS12 or JKS) holding the server's certificate and private key.
     *
     * @param keystore the file
     * @param password its password (never printed: see {@link #toString})
     */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() { return "Tls[keystore=" + keystore + ", password=(hidden)]"; }
    }
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default SQLite file, in the working directory. */
    public static final String DEFAULT_DATABASE = "pourparler.db";
    /** 4 MiB: a scenario upload is the largest request. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be in 0..65535, but was " + port);
        if (maxRequestBytes < 1) throw new IllegalArgumentException("The request size limit must be positive, but was " + maxRequestBytes);
        if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("The heartbeat must be positive, but was " + heartbeat);
    }

    /** Port 8080 on 127.0.0.1, {@code pourparler.db}, 4 MiB requests, a heartbeat every 15 s. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, "127.0.0.1", DEFAULT_DATABASE, Optional.empty(), false,
                DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(15), Optional.empty());
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withBind(String bind) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withDatabase(String database) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withPublicBaseUrl(URI url) {
        return new ServerConfig(port, bind, database, Optional.of(url), behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withBehindProxy(boolean behindProxy) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withMaxRequestBytes(long maxRequestBytes) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withHeartbeat(Duration heartbeat) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, tls);
    }

    public ServerConfig withTls(Tls tls) {
        return new ServerConfig(port, bind, database, publicBaseUrl, behindProxy, maxRequestBytes, heartbeat, Optional.of(tls));
    }

    /** Whether people reach the server over https (cookies then carry the Secure flag): its own TLS, or an https base URL. */
    public boolean https() {
        return publicBaseUrl.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(tls.isPresent());
    }

    /**
     * Checks what only the start can check: the bind address resolves, and is loopback unless a proxy
     * stands in front; the public base URL is an absolute http(s) URL.
     *
     * @throws ServerException naming the option and the fix
     */
    public void validate() throws ServerException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ServerException("--bind " + bind + ": no such address");
        }
        if (!address.isLoopbackAddress() && !behindProxy && tls.isEmpty()) {
            throw new ServerException("--bind " + bind + " would serve sign-in links and cookies over plain HTTP to the network: "
                    + "keep the default 127.0.0.1, put a TLS reverse proxy in front and add --behind-proxy, "
                    + "or give the server a certificate with --tls-keystore (docs/server.md)");
        }
        if (tls.isPresent()) checkKeystore(tls.get());
        if (publicBaseUrl.isPresent()) {
            URI u = publicBaseUrl.get();
            if (!u.isAbsolute() || u.getHost() == null || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw new ServerException("--base-url must be an absolute http:// or https:// URL, but was " + u);
            }
        }
    }

    private static void checkKeystore(Tls tls) throws ServerException {
        Path file = tls.keystore();
        if (!Files.isRegularFile(file)) throw new ServerException("--tls-keystore " + file + ": no such file");
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, tls.password().toCharArray());
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) return;
                }
                throw new ServerException("--tls-keystore " + file + ": holds no private key (a certificate and its key are needed)");
            } catch (IOException | GeneralSecurityException e) {
                // try the next type; the password may be wrong too
            }
        }
        throw new ServerException("--tls-keystore " + file + ": cannot be read as PKCS12 or JKS with the password in "
                + "POURPARLER_TLS_PASSWORD (wrong password, or not a keystore)");
    }

    /** Reads a --base-url value. */
    public static URI parseBaseUrl(String text) throws ServerException {
        try {
            URI u = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!u.isAbsolute() || u.getHost() == null) throw new URISyntaxException(text, "not absolute");
            return u;
        } catch (URISyntaxException e) {
            throw new ServerException("--base-url must be an absolute http:// or https:// URL, but was " + text);
        }
    }
}
