package org.pourparler.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.TraceEntry;
import org.pourparler.tournament.ResultsTable;

/**
 * {@code negotiate --trace FILE.csv}: every move written as it happens (a session of millions of
 * rounds keeps none of them in memory), into {@code FILE.csv.part} beside the target, which replaces
 * the target only when the session has ended; an abandoned run leaves the target as it was.
 */
final class TraceFile {
    private final Path target;
    private final Path part;
    private final Scenario scenario;
    private final Protocol protocol;
    private BufferedWriter w;              // guarded by this; null once closed
    private IOException failure;           // guarded by this

    private TraceFile(Path target, Path part, Scenario scenario, Protocol protocol, BufferedWriter w) {
        this.target = target;
        this.part = part;
        this.scenario = scenario;
        this.protocol = protocol;
        this.w = w;
    }

    /** Opens the temporary file and writes the header. */
    static TraceFile open(Path target, Scenario s, Protocol protocol) throws Main.UserException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder("round,time,party,action");
            for (var issue : s.domain().issues()) b.append(',').append(ResultsTable.field("issue:" + issue.name()));
            for (Party p : s.parties()) b.append(',').append(ResultsTable.field("utility:" + p.name()));
            w.write(b.append('\n').toString());
            return new TraceFile(target, part, s, protocol, w);
        } catch (IOException e) {
            throw new Main.UserException("cannot write --trace " + Terminal.safe(target.toString()) + ": " + e.getMessage());
        }
    }

    /** Appends one move (ignored once closed: a session abandoned as hung may still be moving). */
    synchronized void write(TraceEntry e) {
        if (w == null || failure != null) return;
        StringBuilder b = new StringBuilder(64);
        b.append(e.round()).append(',').append(String.format(Locale.ROOT, "%.6f", e.time())).append(',')
                .append(e.party() < 0 ? (protocol == Protocol.SINGLE_TEXT ? "mediator" : "protocol")
                        : ResultsTable.field(scenario.negotiators().get(e.party()).name())).append(',').append(e.action());
        for (int i = 0; i < scenario.domain().issueCount(); i++) {
            b.append(',').append(e.outcome() == null ? "" : ResultsTable.field(scenario.domain().issue(i).label(e.outcome().value(i))));
        }
        for (int k = 0; k < scenario.parties().size(); k++) b.append(',').append(e.utilities() == null ? "" : e.utilities()[k]);
        try {
            w.write(b.append('\n').toString());
        } catch (IOException x) {
            failure = x;
        }
    }

    /** Closes the file; when {@code keep}, moves it into place, else deletes it. */
    synchronized void close(boolean keep) throws Main.UserException {
        if (w == null) return;
        try {
            w.close();
            w = null;
            if (failure != null) throw failure;
            if (keep) Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            else Files.deleteIfExists(part);
        } catch (IOException e) {
            w = null;
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the message below names the problem
            }
            throw new Main.UserException("cannot write --trace " + Terminal.safe(target.toString()) + ": " + e.getMessage());
        }
    }
}
