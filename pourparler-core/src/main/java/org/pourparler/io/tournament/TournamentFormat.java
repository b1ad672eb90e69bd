package org.pourparler.io.tournament;

import org.pourparler.io.Scenarios;
import org.pourparler.io.pourparler.PourparlerNode;
import org.pourparler.io.pourparler.PourparlerParser;
import org.pourparler.io.pourparler.PourparlerReader;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.model.Scenario;
import org.pourparler.tournament.Tournament;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pourparler.agents.Agents;
import org.pourparler.io.pourparler.PourparlerNode.ListNode;
import org.pourparler.io.pourparler.PourparlerNode.MapNode;
import org.pourparler.io.pourparler.PourparlerNode.ScalarKind;
import org.pourparler.io.pourparler.PourparlerNode.ScalarNode;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Protocol;
import org.pourparler.tournament.TournamentSpec;

/**
 * Reads tournament specifications (YAML or JSON, {@code format: pourparler-tournament/1}) and the
 * scenarios they name; the keys are documented in docs/tournaments.md. Every problem names the file,
 * line and field.
 */
public final class TournamentFormat {
    /** The format this reader supports. */
    public static final String VERSION = "pourparler-tournament/1";

    static final List<String> TOP_KEYS = List.of("format", "name", "seed", "scenarios", "agents", "protocol", "deadline",
            "repetitions", "roles", "selfPlay", "noAgreement", "probes", "timeLimit", "timeBudget", "conventions");
    static final List<String> SCENARIO_KEYS = List.of("path", "domain");
    static final List<String> AGENT_KEYS = List.of("name", "agent", "parameters");
    static final List<String> DEADLINE_KEYS = List.of("rounds", "seconds");

    private TournamentFormat() { }

    /** Reads a specification file; scenario paths are relative to its folder. */
    public static TournamentSpec read(Path file) throws ScenarioFormatException {
        String text = SourceFiles.read(file);
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), base);
    }

    /**
     * The specification as a JSON document of this format, every value stated (defaults too), so that
     * {@code parse(write(spec), "spec.json", spec.base())} gives {@code spec} again. Scenario paths stay
     * as written: relative ones are relative to {@code spec.base()}, which the document does not hold.
     */
    public static String write(TournamentSpec spec) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        com.fasterxml.jackson.databind.node.ObjectNode top = f.objectNode();
        top.put("format", VERSION);
        top.put("name", spec.name());
        top.put("seed", spec.seed());
        com.fasterxml.jackson.databind.node.ArrayNode scenarios = top.putArray("scenarios");
        for (TournamentSpec.ScenarioRef r : spec.scenarios()) {
            com.fasterxml.jackson.databind.node.ObjectNode s = scenarios.addObject().put("path", r.path());
            if (r.domain() != null) s.put("domain", r.domain());
        }
        com.fasterxml.jackson.databind.node.ArrayNode agents = top.putArray("agents");
        for (TournamentSpec.AgentRef a : spec.agents()) agents.addObject().put("name", a.name()).put("agent", a.agent());
        top.put("protocol", spec.protocol().id());
        com.fasterxml.jackson.databind.node.ObjectNode deadline = top.putObject("deadline");
        if (spec.deadline().rounds() > 0) deadline.put("rounds", spec.deadline().rounds());
        if (spec.deadline().seconds() > 0) deadline.put("seconds", spec.deadline().seconds());
        top.put("repetitions", spec.repetitions());
        top.put("roles", spec.rotateRoles() ? "rotate" : "fixed");
        top.put("selfPlay", spec.selfPlay());
        top.put("noAgreement", spec.noAgreement().id());
        top.put("probes", spec.probes());
        top.put("timeLimit", spec.timeLimit());
        top.put("timeBudget", spec.timeBudget());
        top.put("conventions", spec.conventions().id());
        return top.toPrettyString() + "\n";
    }

    /** Parses a specification's text; {@code source} names it in errors. */
    public static TournamentSpec parse(String text, String source, Path base) throws ScenarioFormatException {
        PourparlerNode root = PourparlerParser.parse(text, source, source.endsWith(".json"));
        PourparlerReader r = new PourparlerReader(source);
        MapNode top = r.map(root, "a tournament specification");
        PourparlerNode f = top.get("format");
        String v = f instanceof ScalarNode s && s.kind() == ScalarKind.TEXT ? s.text().trim() : null;
        if (!VERSION.equals(v)) {
            throw f == null ? r.missing(top, "format", "write 'format: " + VERSION + "' at the top")
                    : r.error(f, "format " + (v == null ? f.describe() : "'" + v + "'") + " is not supported: write 'format: " + VERSION + "'");
        }
        r.checkKeys(top, TOP_KEYS);
        String name = top.has("name") ? r.name(top.get("name"), "the tournament's name") : "tournament";
        // every default lives in the builder: only what the file states is set
        TournamentSpec.Builder b = TournamentSpec.builder(name).base(base);
        if (top.has("seed")) b.seed(r.longValue(top.get("seed")));

        List<TournamentSpec.ScenarioRef> scenarios = new ArrayList<>();
        ListNode sl = r.list(r.required(top, "scenarios", "the scenario files or folders, globs allowed"), "the scenarios");
        for (PourparlerNode item : sl.items()) {
            if (item instanceof MapNode m) {
                r.checkKeys(m, SCENARIO_KEYS);
                scenarios.add(new TournamentSpec.ScenarioRef(r.name(r.required(m, "path", "a scenario file or folder"), "a path"),
                        m.has("domain") ? r.name(m.get("domain"), "a domain name") : null));
            } else {
                scenarios.add(new TournamentSpec.ScenarioRef(r.name(item, "a scenario path"), null));
            }
        }
        if (scenarios.isEmpty()) throw r.error(sl, "a tournament needs at least one scenario");

        List<TournamentSpec.AgentRef> agents = new ArrayList<>();
        Map<String, PourparlerNode> seen = new HashMap<>();
        ListNode al = r.list(r.required(top, "agents", "the agents that take part"), "the agents");
        for (PourparlerNode item : al.items()) {
            String display;
            String spec;
            PourparlerNode specNode;
            if (item instanceof MapNode m) {
                r.checkKeys(m, AGENT_KEYS);
                specNode = r.required(m, "agent", "the agent, e.g. boulware or time-dependent:0.5");
                spec = r.name(specNode, "an agent");
                if (m.has("parameters")) spec = withParameters(r, spec, r.map(m.get("parameters"), "the agent's parameters"));
                display = m.has("name") ? r.name(m.get("name"), "a display name") : spec;
            } else {
                specNode = item;
                spec = r.name(item, "an agent");
                display = spec;
            }
            try {
                Agents.create(spec);
            } catch (IllegalArgumentException e) {
                throw r.error(specNode, e.getMessage());
            }
            PourparlerNode first = seen.putIfAbsent(display, item);
            if (first != null) {
                throw r.error(item, "two agents are named '" + display + "' (the first at line " + first.line()
                        + "); give them distinct names with 'name:'");
            }
            agents.add(new TournamentSpec.AgentRef(display, spec));
        }
        if (agents.isEmpty()) throw r.error(al, "a tournament needs at least one agent");

        if (top.has("protocol")) {
            List<String> ids = java.util.Arrays.stream(Protocol.values()).map(Protocol::id).toList();
            b.protocol(Protocol.of(r.choice(top.get("protocol"), ids)));
        }
        if (top.has("deadline")) {
            MapNode d = r.map(top.get("deadline"), "the deadline (rounds: N and/or seconds: S)");
            r.checkKeys(d, DEADLINE_KEYS);
            long rounds = d.has("rounds") ? r.longValue(d.get("rounds")) : 0;
            double seconds = d.has("seconds") ? r.number(d.get("seconds")) : 0;
            if (rounds < 0 || rounds > Integer.MAX_VALUE) throw r.error(d.get("rounds"), "the number of rounds must be between 0 and " + Integer.MAX_VALUE);
            try {
                b.deadline(new Deadline((int) rounds, seconds));
            } catch (IllegalArgumentException e) {
                throw r.error(d, e.getMessage());
            }
        }
        if (top.has("repetitions")) b.repetitions(positive(r, top.get("repetitions"), "repetitions"));
        if (top.has("roles")) b.rotateRoles(r.choice(top.get("roles"), List.of("rotate", "fixed")).equals("rotate"));
        if (top.has("selfPlay")) b.selfPlay(r.bool(top.get("selfPlay")));
        if (top.has("noAgreement")) {
            b.noAgreement(NoAgreement.byId(r.choice(top.get("noAgreement"),
                    Arrays.stream(NoAgreement.values()).map(NoAgreement::id).toList())).orElseThrow());
        }
        if (top.has("probes")) b.probes(positive(r, top.get("probes"), "probes"));
        if (top.has("timeLimit")) b.timeLimit(nonNegative(r, top.get("timeLimit")));
        if (top.has("timeBudget")) b.timeBudget(nonNegative(r, top.get("timeBudget")));
        if (top.has("conventions")) {
            b.conventions(Conventions.of(r.choice(top.get("conventions"), Arrays.stream(Conventions.values()).map(Conventions::id).toList())));
        }
        scenarios.forEach(b::scenario);
        agents.forEach(b::agent);
        return b.build();
    }

    /** time-dependent with {e: E}; boa with {offering, acceptance, model}: the specification string Agents.create reads. */
    private static String withParameters(PourparlerReader r, String agent, MapNode p) throws ScenarioFormatException {
        switch (agent.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "time-dependent" -> {
                r.checkKeys(p, List.of("e"));
                return "time-dependent:" + r.number(r.required(p, "e", "the concession exponent"));
            }
            case "boa" -> {
                r.checkKeys(p, List.of("offering", "acceptance", "model"));
                StringBuilder b = new StringBuilder("boa:");
                for (String k : List.of("offering", "acceptance", "model")) {
                    if (p.has(k)) b.append(k).append('=').append(r.name(p.get(k), "the " + k)).append(';');
                }
                return b.toString();
            }
            default -> throw r.error(p, "agent '" + agent + "' takes no parameters (time-dependent takes e; boa takes offering, "
                    + "acceptance and model)");
        }
    }

    private static int positive(PourparlerReader r, PourparlerNode n, String what) throws ScenarioFormatException {
        long v = r.longValue(n);
        if (v < 1 || v > 1_000_000) throw r.error(n, what + " must be between 1 and 1000000, but is " + v);
        return (int) v;
    }

    private static double nonNegative(PourparlerReader r, PourparlerNode n) throws ScenarioFormatException {
        double v = r.number(n);
        if (v < 0) throw r.error(n, "must be a number of seconds >= 0 (0 for none), but is " + v);
        return v;
    }

    /**
     * Resolves the specification's scenario paths and globs (relative to its folder) and reads every
     * scenario. A glob matches folders and .yaml/.yml/.json files, in name order.
     *
     * @throws ScenarioFormatException naming the entry that matches nothing or the file that cannot be read
     */
    public static Tournament load(TournamentSpec spec) throws ScenarioFormatException {
        List<Tournament.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < spec.scenarios().size(); i++) {
            TournamentSpec.ScenarioRef ref = spec.scenarios().get(i);
            List<Path> paths = resolve(spec.base(), ref.path());
            if (paths.isEmpty()) {
                throw new ScenarioFormatException("scenarios[" + i + "]", null, "'" + ref.path() + "' matches no scenario file or folder"
                        + " (paths are relative to " + spec.base() + ")");
            }
            for (Path p : paths) {
                Scenario s = Scenarios.read(p, ref.domain(), spec.conventions()).scenario();
                String key = spec.base().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/')
                        + (ref.domain() == null ? "" : "#" + ref.domain());
                if (keys.add(key)) entries.add(new Tournament.Entry(key, s));
            }
        }
        try {
            return Tournament.of(spec, entries);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException("agents", null, e.getMessage());
        }
    }

    private static List<Path> resolve(Path base, String pattern) throws ScenarioFormatException {
        boolean glob = pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
        Path direct = base.resolve(pattern).toAbsolutePath().normalize();
        if (!glob) return Files.exists(direct) ? List.of(direct) : List.of();
        // walk from the longest folder without glob characters, as deep as the pattern has segments
        String[] parts = pattern.replace('\\', '/').split("/");
        Path root = pattern.startsWith("/") ? Path.of("/") : base;
        int k = 0;
        while (k < parts.length && parts[k].chars().noneMatch(c -> "*?[{".indexOf(c) >= 0)) root = root.resolve(parts[k++]);
        Path start = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) return List.of();
        boolean deep = pattern.contains("**");
        int depth = deep ? Integer.MAX_VALUE : parts.length - k;
        String full = start.toString().replace('\\', '/') + "/" + String.join("/", Arrays.copyOfRange(parts, k, parts.length));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full);
        try (Stream<Path> walk = Files.walk(start, depth)) {
            return walk.filter(p -> !p.equals(start))
                    .filter(p -> m.matches(Path.of(p.toString().replace('\\', '/'))))
                    .filter(p -> Files.isDirectory(p) || p.toString().matches("(?i).*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScenarioFormatException(pattern, null, "cannot list " + start + ": " + e.getMessage());
        }
    }
}
