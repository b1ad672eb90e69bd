package org.pourparler.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.PartyResult;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.SessionResult;

/**
 * The JSON vocabulary of results, built once here for every shell (the CLI's {@code --format json},
 * the server's API): a session's result as {@code "format": "pourparler-session/1"}, packages as
 * {@code {issue: option}}, undefined numbers (NaN) as {@code null}. Versioned: a field's meaning never
 * changes within a version; fields are only ever added. docs/cli.md shows each document.
 *
 * <pre>{@code
 * String json = ResultsJson.write(ResultsJson.session(scenario, result));
 * }</pre>
 */
public final class ResultsJson {
    /** The version of a session document. */
    public static final String SESSION_FORMAT = "pourparler-session/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() { }

    /** A package as {@code {issue name: option label}}, in issue order. */
    public static Map<String, String> outcome(Domain d, Outcome o) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < o.size(); i++) m.put(d.issue(i).name(), d.issue(i).label(o.value(i)));
        return m;
    }

    /** A session's result: protocol, agreement, every party's figures, metrics, ending and fault. */
    public static Map<String, Object> session(Scenario s, SessionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", SESSION_FORMAT);
        m.put("protocol", r.protocol().id());
        m.put("agreement", r.agreement().map(o -> outcome(s.domain(), o)).orElse(null));
        m.put("parties", s.parties().stream().map(Party::name).toList());
        m.put("utilities", r.payoffs());          // the payoffs, under their first name: fields are only ever added
        m.put("rounds", r.rounds());
        m.put("time", r.time());
        m.put("seconds", r.seconds());
        m.put("ending", r.ending().toString());
        if (r.protocol() == Protocol.TEST_THE_WATERS) m.put("zoneExists", r.zoneExists().orElse(null));
        m.put("results", r.parties().stream().map(ResultsJson::party).toList());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("advantage", r.parties().stream().map(p -> number(p.advantage())).toList());
        metrics.put("welfare", r.metrics().welfare());
        metrics.put("utilityWelfare", r.metrics().utilityWelfare());
        metrics.put("distancePareto", number(r.metrics().distancePareto()));
        metrics.put("distanceNash", number(r.metrics().distanceNash()));
        metrics.put("distanceKalaiSmorodinsky", number(r.metrics().distanceKalaiSmorodinsky()));
        m.put("metrics", metrics);
        m.put("fault", r.fault().map(fault -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("party", s.negotiators().get(fault.party()).name());
            f.put("agent", fault.negotiator());
            f.put("kind", fault.kind().id());
            f.put("message", fault.message());
            return f;
        }).orElse(null));
        return m;
    }

    private static Map<String, Object> party(PartyResult p) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("party", p.party());
        e.put("role", p.role().name().toLowerCase(Locale.ROOT));
        e.put("utility", number(p.utility()));
        e.put("payoff", number(p.payoff()));
        e.put("advantage", number(p.advantage()));
        e.put("utilityAdvantage", number(p.utilityAdvantage()));
        return e;
    }

    /** A number, or null when undefined (NaN): JSON has no NaN. */
    public static Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** Indented JSON text of a document built here. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a results document that Jackson cannot write: " + e.getMessage(), e);
        }
    }

}
