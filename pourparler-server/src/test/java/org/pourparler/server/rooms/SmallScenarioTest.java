package org.pourparler.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Scenario;
import org.pourparler.server.http.ApiError;
import org.pourparler.server.http.Http;

/** The scenario a convener writes in the page: read back through the upload reader, it has the parties, issues and options written. */
class SmallScenarioTest {
    private static Scenario read(String yaml) {
        return ScenarioUpload.read(Http.JSON.createObjectNode().put("file", "scenario.yaml").put("text", yaml), Path.of("../examples"));
    }

    @Test
    void theWrittenScenarioReadsBackAsWritten() {
        String yaml = RoomPages.smallScenario("Team \"budget\" # 2027", "north: office\n\n  south office  \n#third",
                "budget: 10k, 20k, 30k\nstart date: March,June\n'odd': [a], {b}");
        Scenario s = read(yaml);
        assertThat(s.title()).isEqualTo("Team \"budget\" # 2027");
        assertThat(s.negotiators()).extracting(p -> p.name()).containsExactly("north: office", "south office", "#third");
        assertThat(s.domain().issueCount()).isEqualTo(3);
        assertThat(s.domain().issue(0).name()).isEqualTo("budget");
        assertThat(s.domain().issue(0).size()).isEqualTo(3);
        assertThat(s.domain().issue(0).label(2)).isEqualTo("30k");
        assertThat(s.domain().issue(1).label(1)).isEqualTo("June");
        assertThat(s.domain().issue(2).name()).isEqualTo("'odd'");
        assertThat(s.domain().issue(2).label(0)).isEqualTo("[a]");
        assertThat(s.domain().issue(2).label(1)).isEqualTo("{b}");
        // the placeholder profile: the first option best, nothing below walking away
        assertThat(s.negotiators().get(0).profile().utility().utility(new int[] {0, 0, 0})).isEqualTo(1.0);
        assertThat(s.negotiators().get(0).profile().reservation()).isZero();
    }

    @Test
    void mistakesAreNamedInPlainSentences() {
        assertThatThrownBy(() -> RoomPages.smallScenario("T", "a\nb", "budget 10k, 20k")).isInstanceOf(ApiError.class).hasMessageContaining("no colon");
        assertThatThrownBy(() -> RoomPages.smallScenario("T", "a\nb", "budget: 10k")).isInstanceOf(ApiError.class).hasMessageContaining("at least two options");
        assertThatThrownBy(() -> RoomPages.smallScenario("T", "a", "budget: 1, 2")).isInstanceOf(ApiError.class).hasMessageContaining("at least two parties");
        assertThatThrownBy(() -> RoomPages.smallScenario(" ", "a\nb", "budget: 1, 2")).isInstanceOf(ApiError.class).hasMessageContaining("title");
        // the same option twice is the reader's refusal, as for any upload
        assertThatThrownBy(() -> read(RoomPages.smallScenario("T", "a\nb", "budget: 1, 1"))).isInstanceOf(ApiError.class);
    }
}
