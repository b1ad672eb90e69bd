package org.pourparler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pourparler.io.ResultsJson;
import org.pourparler.io.RoomJson;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.model.Domain;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pourparler replay}: an exported live room, event by event, re-run and checked when the export is complete. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a room exported from `pourparler serve` (GET /api/rooms/{room}/export, docs/server.md):",
                "print its timeline; when the export holds every event, re-run the room through the same",
                "protocol rules and check that it ends as the log says."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.json", description = "The exported room.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = SourceFiles.read(file);
        RoomJson.Export export;
        try {
            export = RoomJson.readExport(text);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Domain d = export.spec().scenario().domain();
        List<String> names = export.spec().seats().stream().map(s -> s.party()).toList();
        out.printf(Locale.ROOT, "Room '%s': %s, %s mediation, %d seats (%s)%n", export.spec().title(), export.spec().options().protocol(),
                export.spec().mediation(), names.size(), String.join(", ", names));
        for (RoomJson.Logged l : export.events()) out.println(line(l, d, names));
        if (!export.complete()) {
            out.println("This export holds only what its exporter could see (a blind room's convener sees no seat's private"
                    + " moves): the timeline is shown, the room is not re-run.");
            return 0;
        }
        List<RoomEvent> events = new ArrayList<>();
        for (RoomJson.Logged l : export.events()) events.add(l.event());
        Room room;
        try {
            room = Room.replay(export.spec(), events);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new Main.UserException(file + ": the log does not replay: " + e.getMessage());
        }
        RoomEvent.Ended logged = null;
        for (RoomEvent e : events) if (e instanceof RoomEvent.Ended en) logged = en;
        if (room.state() != Room.State.ENDED) {
            out.println("Replayed: the room is still " + room.state().name().toLowerCase(Locale.ROOT) + ".");
            return 0;
        }
        SessionResult r = room.result().orElseThrow();
        boolean same = logged != null && logged.ending().equals(r.ending()) && logged.agreement().equals(r.agreement());
        out.printf(Locale.ROOT, "Replayed: %s%s — %s the log.%n", r.ending(),
                room.agreement().map(a -> ", agreement " + ResultsJson.outcome(d, a)).orElse(""), same ? "as in" : "DIFFERENT FROM");
        if (!same) throw new Main.UserException(file + ": the replayed room ends " + r.ending() + ", the log says "
                + (logged == null ? "nothing" : logged.ending()));
        return 0;
    }

    private static String line(RoomJson.Logged l, Domain d, List<String> names) {
        RoomEvent e = l.event();
        String what;
        if (e instanceof RoomEvent.Move m) {
            what = (m.party() < 0 ? "mediator" : names.get(m.party())) + " " + m.action()
                    + m.outcome().map(o -> " " + ResultsJson.outcome(d, o)).orElse("") + String.format(Locale.ROOT, " (round %d, t = %.3f)", m.round() + 1, m.time());
        } else if (e instanceof RoomEvent.Acted a) {
            what = names.get(a.seat()) + " acted: " + RoomJson.action(d, a.action());
        } else if (e instanceof RoomEvent.Joined j) {
            what = names.get(j.seat()) + " joined";
        } else if (e instanceof RoomEvent.Message m) {
            what = "message from " + (m.from() < 0 ? "the mediator" : names.get(m.from())) + " to "
                    + (m.to() == RoomEvent.Message.EVERYBODY ? "all" : m.to() < 0 ? "the mediator" : names.get(m.to())) + ": " + m.text();
        } else if (e instanceof RoomEvent.Ended en) {
            what = "ended: " + en.ending() + en.agreement().map(o -> ", agreement " + ResultsJson.outcome(d, o)).orElse("");
        } else if (e instanceof RoomEvent.Payoff p) {
            what = String.format(Locale.ROOT, "%s's payoff %.4f (utility %.4f)", names.get(p.seat()), p.payoff(), p.utility());
        } else {
            what = RoomJson.encode(e, d).type() + " " + RoomJson.encode(e, d).payload();
        }
        return String.format(Locale.ROOT, "%5d  %s  %s", l.seq(), e.at(), what);
    }
}
