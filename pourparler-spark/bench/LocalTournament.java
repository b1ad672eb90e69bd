import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pourparler.io.TournamentFormat;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.Tournament;

/** The baseline for overhead.sh: loads a tournament and plays it with LocalRunner, printing the time. */
public final class LocalTournament {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Tournament t = Tournament.load(TournamentFormat.read(Path.of(args[0])));
        AtomicInteger rows = new AtomicInteger();
        LocalRunner.Summary s = LocalRunner.run(t, Set.of(), Integer.parseInt(args[1]), (m, r) -> rows.addAndGet(r.size()));
        System.out.printf("%d negotiations (%d rows) with %s threads, %.1f s%n", s.played(), rows.get(), args[1], (System.nanoTime() - start) / 1e9);
    }
}
