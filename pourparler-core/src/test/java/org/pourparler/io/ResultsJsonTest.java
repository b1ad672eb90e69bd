package org.pourparler.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.Agents;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/** The session document: versioned, every party's figures, undefined numbers as null, text that parses back. */
class ResultsJsonTest {

    @Test
    void aSessionDocumentCarriesTheResultsFiguresAndReadsBack() throws Exception {
        Scenario s = Scenarios.read(java.nio.file.Path.of("..", "examples", "supplier-deal.yaml")).scenario();
        SessionResult r = Session.run(s, List.of(Agents.boulware(), Agents.conceder()), Deadline.rounds(200), Session.Options.defaults());
        JsonNode j = new ObjectMapper().readTree(ResultsJson.write(ResultsJson.session(s, r)));
        assertThat(j.get("format").asText()).isEqualTo("pourparler-session/1");
        assertThat(j.get("results")).hasSize(s.parties().size());
        for (int k = 0; k < s.parties().size(); k++) {
            assertThat(j.get("results").get(k).get("party").asText()).isEqualTo(s.parties().get(k).name());
            assertThat(j.get("results").get(k).get("payoff").asDouble()).isEqualTo(r.payoff(k));
            assertThat(j.get("utilities").get(k).asDouble()).isEqualTo(r.payoff(k));
        }
        assertThat(j.get("agreement").isObject()).isEqualTo(r.agreement().isPresent());
        if (r.agreement().isEmpty()) assertThat(j.get("metrics").get("distanceNash").isNull()).isTrue();
        else assertThat(j.get("agreement").size()).isEqualTo(s.domain().issueCount());
    }

    @Test
    void anAnalysisDocumentIsVersionedAndListsAtMostTheLimit() throws Exception {
        Scenario s = Scenarios.read(java.nio.file.Path.of("..", "examples", "ukraine-2024-feelers.yaml")).scenario();
        var report = org.pourparler.analysis.AgreementAnalysis.analyze(s, org.pourparler.analysis.AgreementAnalysis.Options.defaults());
        JsonNode j = new ObjectMapper().readTree(ResultsJson.write(ResultsJson.analysis(report, List.of("a warning"), 2)));
        assertThat(j.get("format").asText()).isEqualTo("pourparler-analysis/1");
        assertThat(j.get("agreementZone").get("exists").asBoolean()).isFalse();          // the seed scenario: no zone
        assertThat(j.get("diagnosis").get("blockingSets").size()).isPositive();
        assertThat(j.get("pareto").get("points").size()).isLessThanOrEqualTo(2);
        assertThat(j.get("warnings").get(0).asText()).isEqualTo("a warning");
    }

    @Test
    void undefinedNumbersAreNull() {
        assertThat(ResultsJson.number(Double.NaN)).isNull();
        assertThat(ResultsJson.number(-0.5)).isEqualTo(-0.5);
    }
}
