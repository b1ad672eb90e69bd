package org.pourparler.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.room.Mediation;
import org.pourparler.room.Room;
import org.pourparler.room.RoomSpec;
import org.pourparler.room.Seat;

/** An open room's analysis with three negotiators: a plane for every pair, every party in the solutions, red lines in the diagnosis. */
class RoomAnalysisTest {

    /**
     * A needs y = t (0.5 otherwise, below its 0.6), B needs x = q, C is content with anything but has
     * the red line "never t": no zone, and dropping C's red line opens (q, t).
     */
    private static Scenario scenario(boolean redLine) throws Exception {
        return PourparlerFormat.parse("""
                format: pourparler/1
                title: three
                issues:
                  - {name: x, options: [p, q]}
                  - {name: y, options: [s, t]}
                parties:
                  - name: A
                    reservation: 0.6
                    utility: {issues: {x: {weight: 0.5, options: {p: 1, q: 1}}, y: {weight: 0.5, options: {s: 0, t: 1}}}}
                  - name: B
                    reservation: 0.6
                    utility: {issues: {x: {weight: 0.5, options: {p: 0, q: 1}}, y: {weight: 0.5, options: {s: 0.5, t: 1}}}}
                  - name: C
                    reservation: 0.4
                    utility: {issues: {x: {weight: 0.5, options: {p: 0.5, q: 0.5}}, y: {weight: 0.5, options: {s: 0.5, t: 0.5}}}}
                """ + (redLine ? """
                    redLines:
                      - description: never t
                        when: {y: t}
                """ : ""), "three.yaml").scenario();
    }

    private static RoomAnalysis analysis(Scenario s) throws Exception {
        RoomSpec spec = new RoomSpec("three", s, Deadline.rounds(10), Session.Options.defaults(), Mediation.OPEN,
                List.of(Seat.person("A"), Seat.person("B"), Seat.person("C")), false);
        return RoomAnalysis.of(Room.open(spec));
    }

    @Test
    void everyPairOfNegotiatorsHasItsPlane() throws Exception {
        RoomAnalysis a = analysis(scenario(false));
        assertThat(a.available()).isTrue();
        assertThat(a.planes()).extracting(p -> p.xParty() + "/" + p.yParty()).containsExactly("A/B", "A/C", "B/C");
        assertThat(a.planes()).extracting(RoomAnalysis.Plane::number).containsExactly(0, 1, 2);
        assertThat(a.morePairsThanPlanes()).isFalse();
        // the plane of B and C: (q, t) is worth 1 to B and 0.5 to C, at x = 30 + 260 and y = 30 + 130
        RoomAnalysis.Plane bc = a.planes().get(2);
        assertThat(bc.frontier()).contains("290.0,160.0");
        // the line is the pair's own trade-off: each point above every point to its right
        String[] line = bc.frontier().split(" ");
        for (int i = 1; i < line.length; i++) {
            double[] p = java.util.Arrays.stream(line[i - 1].split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] q = java.util.Arrays.stream(line[i].split(",")).mapToDouble(Double::parseDouble).toArray();
            assertThat(q[0]).isGreaterThan(p[0]);
            assertThat(q[1]).as("svg y grows downwards: lower utility for C").isGreaterThan(p[1]);
        }
        assertThat(bc.reservationX()).isEqualTo("186.0");     // B's 0.6
        assertThat(bc.reservationY()).isEqualTo("186.0");     // C's 0.4, from the top
        // A and C: the frontier's best for A is (q, t) or (p, t), for C everything is 0.5: one point of trade-off
        assertThat(a.planes().get(1).sharedBest()).isPresent();
        assertThat(a.planes().get(0).sharedBest()).isPresent();     // A and B both want (q, t)
        // the solutions name every negotiator, not only the first two
        assertThat(a.solutions()).isNotEmpty().allSatisfy(s -> assertThat(s).contains(" for A").contains(" for B").contains(" for C"));
        assertThat(a.solutions().get(0)).startsWith("Nash: 1.00 for A, 1.00 for B, 0.50 for C").contains("x: q").contains("y: t");
    }

    @Test
    void theDiagnosisNamesTheRedLineWhoseDroppingOpensAZone() throws Exception {
        RoomAnalysis a = analysis(scenario(true));
        assertThat(a.zoneExists()).isFalse();
        assertThat(a.diagnosis()).contains("C dropping its red line \u201cnever t\u201d would open a zone.");
    }
}
