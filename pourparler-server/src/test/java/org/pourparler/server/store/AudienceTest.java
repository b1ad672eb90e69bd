package org.pourparler.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audience rule against a truth table written out by hand (the oracle), every reader × audience × room kind. */
public class AudienceTest {
    public static final List<String> AUDIENCES = List.of("all", "mediator", "seat:0", "seat:1", "seat:0+mediator", "seat:1+mediator");

    /** Reader → the audiences it sees, in an open room and in a blind room. */
    public static final Map<String, List<String>> OPEN = new LinkedHashMap<>();
    public static final Map<String, List<String>> BLIND = new LinkedHashMap<>();

    static {
        OPEN.put("convener", List.of("all", "mediator", "seat:0", "seat:1", "seat:0+mediator", "seat:1+mediator"));
        OPEN.put("seat0", List.of("all", "seat:0", "seat:0+mediator"));
        OPEN.put("seat1", List.of("all", "seat:1", "seat:1+mediator"));
        OPEN.put("stranger", List.of());
        BLIND.put("convener", List.of("all", "mediator", "seat:0+mediator", "seat:1+mediator"));
        BLIND.put("seat0", List.of("all", "seat:0", "seat:0+mediator"));
        BLIND.put("seat1", List.of("all", "seat:1", "seat:1+mediator"));
        BLIND.put("stranger", List.of());
    }

    static Audience.Reader reader(String name) {
        return switch (name) {
            case "convener" -> Audience.Reader.convener();
            case "seat0" -> Audience.Reader.seat(0);
            case "seat1" -> Audience.Reader.seat(1);
            default -> Audience.Reader.stranger();
        };
    }

    @Test
    void everyReaderSeesExactlyWhatTheTableSaysInOpenAndBlindRooms() {
        for (boolean open : List.of(true, false)) {
            Map<String, List<String>> table = open ? OPEN : BLIND;
            table.forEach((name, expected) -> {
                List<String> seen = AUDIENCES.stream().filter(a -> Audience.parse(a).admits(reader(name), open)).toList();
                assertThat(seen).as("%s in an %s room", name, open ? "open" : "blind").isEqualTo(expected);
            });
        }
    }

    @Test
    void aSeatNeverSeesAnotherSeatsEventsWhateverItsNumber() {
        for (int reader = 0; reader < 20; reader++) {
            for (int seat = 0; seat < 20; seat++) {
                for (boolean open : List.of(true, false)) {
                    assertThat(Audience.seat(seat).admits(Audience.Reader.seat(reader), open)).isEqualTo(reader == seat);
                    assertThat(Audience.seatAndMediator(seat).admits(Audience.Reader.seat(reader), open)).isEqualTo(reader == seat);
                }
            }
        }
    }

    @Test
    void theTextFormReadsBackToTheSameAudience() {
        for (String text : AUDIENCES) assertThat(Audience.parse(text).text()).isEqualTo(text);
        assertThat(Audience.parse("seat:12+mediator")).isEqualTo(Audience.seatAndMediator(12));
    }

    @Test
    void malformedAudiencesAreRefused() {
        for (String bad : List.of("", "All", "seat:", "seat:-1", "seat:x", "seat:1+all", "mediator+seat:1", "seat:1 ", "seat:99999999999")) {
            assertThatThrownBy(() -> Audience.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("all, mediator, seat:N or seat:N+mediator");
        }
    }
}
