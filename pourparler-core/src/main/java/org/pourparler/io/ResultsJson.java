package org.pourparler.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.Diagnosis;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.analysis.ParetoFrontier;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.PartyResult;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.SessionResult;

/**
 * The JSON vocabulary of results, built once here for every shell (the CLI's {@code --format json},
 * the server's API): a session's result as {@code "format": "pourparler-session/1"}, an analysis as
 * {@code "format": "pourparler-analysis/1"}, packages as
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
    /** The version of an analysis document. */
    public static final String ANALYSIS_FORMAT = "pourparler-analysis/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() { }

    /** A package as {@code {issue name: option label}}, in issue order. */
    public static Map<String, String> outcome(Domain d, Outcome o) {
        return labels(o.toArray(), d);
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


    /**
     * An analysis: zone, frontiers (at most {@code limit} points and outcomes each), solutions,
     * statistics, diagnosis and the reader's warnings, as {@code "format": "pourparler-analysis/1"}.
     */
    public static Map<String, Object> analysis(AgreementAnalysis.Report r, List<String> warnings, int limit) {
        Scenario s = r.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", ANALYSIS_FORMAT);
        root.put("scenario", s.title());
        List<Object> parties = new ArrayList<>();
        for (Party p : s.parties()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("role", p.role().name().toLowerCase(Locale.ROOT));
            parties.add(m);
        }
        root.put("parties", parties);
        root.put("outcomes", r.outcomes().toString());
        root.put("method", r.method());
        root.put("reservation", r.reservation());
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("exists", r.zone().exists());
        zone.put("outcomes", r.zone().count().toString());
        zone.put("exact", r.zone().exact());
        if (!r.zone().exact()) {
            zone.put("lower", r.zone().lower().toString());
            zone.put("upper", r.zone().upper().toString());
            zone.put("confidence", 0.95);
            zone.put("sampled", r.zone().sampled());
            zone.put("sampledInZone", r.zone().hits());
        }
        root.put("agreementZone", zone);
        root.put("pareto", frontier(r.pareto(), s.domain(), limit));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("size", r.paretoAll().size());
        all.put("outcomes", r.paretoAll().outcomeCount().toString());
        root.put("paretoAll", all);
        Map<String, Object> sol = new LinkedHashMap<>();
        sol.put("nash", points(r.solutions().nash(), s.domain(), limit));
        sol.put("kalaiSmorodinsky", points(r.solutions().kalaiSmorodinsky(), s.domain(), limit));
        sol.put("egalitarian", points(r.solutions().egalitarian(), s.domain(), limit));
        sol.put("utilitarian", points(r.solutions().utilitarian(), s.domain(), limit));
        root.put("solutions", sol);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rationalFraction", r.statistics().rationalFraction());
        stats.put("rationalFractionExact", r.statistics().rationalFractionExact());
        stats.put("opposition", r.statistics().opposition());
        root.put("statistics", stats);
        root.put("diagnosis", r.diagnosis().map(d -> diagnosis(d, s.domain(), limit)).orElse(null));
        root.put("warnings", warnings);
        return root;
    }

    private static Map<String, Object> frontier(ParetoFrontier f, Domain d, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", f.size());
        m.put("outcomes", f.outcomeCount().toString());
        m.put("points", points(f.points().subList(0, Math.min(limit, f.size())), d, limit));
        m.put("listed", Math.min(limit, f.size()));
        return m;
    }

    private static List<Object> points(List<FrontierPoint> points, Domain d, int limit) {
        List<Object> out = new ArrayList<>();
        for (FrontierPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utilities", p.utilities());
            List<Object> outcomes = new ArrayList<>();
            for (int[] o : p.outcomes().subList(0, Math.min(limit, p.outcomes().size()))) outcomes.add(labels(o, d));
            m.put("outcomes", outcomes);
            m.put("tied", p.tied().toString());
            out.add(m);
        }
        return out;
    }

    /** A package as {@code {issue name: option label}}, in issue order. */
    public static Map<String, String> labels(int[] o, Domain d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < o.length; i++) m.put(d.issue(i).name(), d.issue(i).label(o[i]));
        return m;
    }

    private static Map<String, Object> diagnosis(Diagnosis dg, Domain d, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> sets = new ArrayList<>();
        for (Diagnosis.BlockingSet b : dg.blockingSets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parties", b.parties());
            List<Object> issues = new ArrayList<>();
            for (Diagnosis.IssueClash c : b.issues()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("issue", c.issue());
                y.put("losses", c.losses());
                issues.add(y);
            }
            x.put("issues", issues);
            sets.add(x);
        }
        m.put("blockingSets", sets);
        if (dg.uniformLowering().isPresent()) {
            Diagnosis.Move um = dg.uniformLowering().get();
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("amount", um.amount());
            u.put("packages", points(um.packages(), d, limit));
            u.put("nash", points(um.nash(), d, limit));
            m.put("uniformLowering", u);
        } else {
            m.put("uniformLowering", null);
        }
        List<Object> single = new ArrayList<>();
        for (Diagnosis.PartyMove pm : dg.partyLowering()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("party", pm.party());
            x.put("amount", pm.amount().isPresent() ? (Object) pm.amount().getAsDouble() : null);
            x.put("packages", points(pm.packages(), d, limit));
            x.put("nash", points(pm.nash(), d, limit));
            single.add(x);
        }
        m.put("partyLowering", single);
        List<Object> drops = new ArrayList<>();
        for (Diagnosis.RedLineMove rm : dg.redLinesToDrop()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("party", rm.party());
            x.put("redLine", rm.redLine());
            x.put("nash", points(rm.packages(), d, limit));
            drops.add(x);
        }
        m.put("redLinesToDrop", drops);
        return m;
    }
}
