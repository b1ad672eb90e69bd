package org.pourparler.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The audience rule, written out as the table docs/server.md gives, viewer by viewer. */
class AudienceTest {
    private static final Audience.Viewer C = Audience.Viewer.CONVENER;
    private static final Audience.Viewer S0 = Audience.Viewer.seat(0);
    private static final Audience.Viewer S1 = Audience.Viewer.seat(1);
    private static final Audience.Viewer X = Audience.Viewer.STRANGER;

    @Test
    void theTable() {
        // audience, mediation: convener, seat 0, seat 1, stranger
        check("all", Mediation.OPEN, true, true, true, false);
        check("all", Mediation.BLIND, true, true, true, false);
        check("mediator", Mediation.OPEN, true, false, false, false);
        check("mediator", Mediation.BLIND, true, false, false, false);
        check("seat:0", Mediation.OPEN, true, true, false, false);
        check("seat:0", Mediation.BLIND, false, true, false, false);
        check("seat:1+mediator", Mediation.OPEN, true, false, true, false);
        check("seat:1+mediator", Mediation.BLIND, true, false, true, false);
    }

    private static void check(String id, Mediation m, boolean convener, boolean seat0, boolean seat1, boolean stranger) {
        Audience a = Audience.of(id);
        assertThat(a.id()).isEqualTo(id);
        assertThat(a.allows(C, m)).as(id + " " + m + " convener").isEqualTo(convener);
        assertThat(a.allows(S0, m)).as(id + " " + m + " seat 0").isEqualTo(seat0);
        assertThat(a.allows(S1, m)).as(id + " " + m + " seat 1").isEqualTo(seat1);
        assertThat(a.allows(X, m)).as(id + " " + m + " stranger").isEqualTo(stranger);
    }

    @Test
    void unknownFormsAreRefused() {
        for (String bad : new String[] {"", "seat:", "seat:-1", "seat:1+", "everyone", "seat:x+mediator"}) {
            assertThatThrownBy(() -> Audience.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
