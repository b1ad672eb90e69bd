package org.pourparler.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of several servers on one PostgreSQL database: an append wakes this server's streams at
 * once and NOTIFYs the channel {@value #CHANNEL} with the room's id; every server LISTENs on a
 * connection of its own and wakes its streams of that room. A notification is only "read the log
 * again", so one lost while the listener reconnects costs nothing: on reconnecting it wakes every
 * stream it has.
 */
public final class PostgresEventBus implements EventBus {
    /** The NOTIFY channel. */
    public static final String CHANNEL = "pourparler_events";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventBus.class);
    private static final int POLL_MS = 500;

    private final Database db;
    private final InProcessEventBus local = new InProcessEventBus();
    private final String origin = UUID.randomUUID().toString();
    private final Thread listener;
    private volatile boolean closed;

    /** Starts listening on the database (PostgreSQL). */
    public PostgresEventBus(Database db) {
        if (db.vendor() != Database.Vendor.POSTGRESQL) throw new IllegalArgumentException("LISTEN/NOTIFY needs PostgreSQL, but the database is " + db.vendor());
        this.db = db;
        this.listener = new Thread(this::listen, "pourparler-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void published(long room) {
        local.published(room);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, room + " " + origin);
            s.execute();
        } catch (SQLException | RuntimeException e) {
            // the events are committed; other servers' streams see them at their next wake-up or heartbeat read
            LOG.warn("could not notify other servers of an append: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public Subscription subscribe(long room, Runnable listener) {
        return local.subscribe(room, listener);
    }

    private void listen() {
        while (!closed) {
            try (Connection c = db.dedicatedConnection(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                local.wakeAll();                             // whatever was missed while not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MS);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) deliver(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                LOG.warn("lost the LISTEN connection ({}); reconnecting", e.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void deliver(String parameter) {
        int space = parameter.indexOf(' ');
        if (space < 0 || parameter.substring(space + 1).equals(origin)) return;  // our own: already delivered
        try {
            local.published(Long.parseLong(parameter.substring(0, space)));
        } catch (NumberFormatException e) {
            // not ours
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        local.close();
    }
}
