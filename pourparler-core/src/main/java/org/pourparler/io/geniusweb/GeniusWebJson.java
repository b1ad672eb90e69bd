package org.pourparler.io.geniusweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.io.source.Written;
import org.pourparler.io.geniusweb.JsonTree.Node;
import org.pourparler.io.geniusweb.JsonTree.Obj;
import org.pourparler.model.Domain;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;

/**
 * Reads and writes scenarios in GeniusWeb's JSON format, with GeniusWeb's semantics.
 *
 * <p>A GeniusWeb scenario is a folder of JSON files: a domain file
 * ({@code {"name": ..., "issuesValues": {...}}}) and one profile file per party, a one-key object
 * naming the profile type with the domain embedded:
 * <pre>{@code
 * {"LinearAdditiveUtilitySpace": {"name": "party1", "domain": {...},
 *     "issueUtilities": {"Food": {"DiscreteValueSetUtilities": {"valueUtilities": {"Catering": 0.25, ...}}}, ...},
 *     "issueWeights": {"Food": 0.19, ...},
 *     "reservationBid": {"issuevalues": {"Food": "Catering", ...}}}}
 * }</pre>
 *
 * <pre>{@code
 * ReadResult r = GeniusWebJson.readFolder(Path.of("scenarios/party"), null);
 * Scenario s = r.scenario();                       // parties party1, party2, ... (file names)
 * Written w = GeniusWebJson.write(s);              // party.json, party1.json, ...
 * }</pre>
 *
 * <p>What is read: {@code LinearAdditiveUtilitySpace} and {@code SumOfGroupsUtilitySpace}
 * profiles, with the old ({@code discreteutils}, {@code numberutils}, {@code partsutils}) and the
 * new ({@code DiscreteValueSetUtilities}, {@code NumberValueSetUtilities}, {@code PartsUtilities})
 * type names. Ordering profiles ({@code DefaultPartialOrdering} ...) carry no utilities: they are
 * skipped with a warning in a folder and refused when asked for alone. {@code specials.json}
 * (ANL 2023 reference points) is ignored. Number issues ({@code "range": [low, high, step]})
 * become {@link org.pourparler.model.RealIssue}s on the exact decimal grid, even when all three
 * are integers, so that they write back as the same range. Every party is a negotiator, named
 * after its file.
 */
public final class GeniusWebJson {

    /** The ANL 2023 reference file beside the profiles; not a domain or profile. */
    static final String SPECIALS = "specials.json";

    private GeniusWebJson() { }

    /** A JSON text and the name it is reported under. */
    private record Source(String name, String stem, String text) { }

    /** A parsed profile file before it is checked against the domain. */
    private record ProfileFile(String name, String party, String type, Obj body, Domain embedded, Node domainNode) { }

    /**
     * Reads a folder of GeniusWeb JSON files (not its subfolders).
     *
     * @param dir          the folder
     * @param domainChoice when the folder holds several distinct domains: the one to use, by file
     *                     name (without {@code .json}) or domain name; may be null otherwise
     * @throws ScenarioFormatException for a missing or unreadable folder, malformed JSON, an
     *                                 ambiguous or missing domain, or an invalid profile
     */
    public static ReadResult readFolder(Path dir, String domainChoice) throws ScenarioFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ScenarioFormatException(dir.toString(), null, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".json") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ScenarioFormatException(dir.toString(), null, "cannot be listed: " + e.getMessage());
        }
        List<String> warnings = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Path f : files) {
            if (f.getFileName().toString().equals(SPECIALS)) continue;   // reference data, not a scenario part
            sources.add(new Source(f.toString(), stem(f), SourceFiles.read(f)));
        }
        if (sources.isEmpty()) {
            throw new ScenarioFormatException(dir.toString(), null, "holds no GeniusWeb JSON files (*.json)");
        }
        List<Domain> domains = new ArrayList<>();
        List<String> domainFiles = new ArrayList<>();
        List<ProfileFile> profiles = new ArrayList<>();
        for (Source s : sources) {
            Node root = JsonTree.parse(s.name, s.text);
            if (isDomain(root)) {
                domains.add(ProfileReader.readDomain(root));
                domainFiles.add(s.stem);
            } else if (isProfile(root)) {
                profiles.add(profileFile(s, root));
            } else {
                warnings.add(s.name + ": is neither a GeniusWeb domain ({\"name\", \"issuesValues\"}) nor a profile"
                        + " (one key naming the profile type); it is skipped.");
            }
        }
        return assemble(dir.toString(), domains, domainFiles, profiles, domainChoice, false, warnings);
    }

    /**
     * Reads a domain file and profile files named one by one.
     *
     * @param domainOrNull the domain file, or null to take the domain embedded in the profiles
     * @param profiles     the profile files; party names are their file names without {@code .json}
     * @throws ScenarioFormatException as {@link #readFolder}; also when a single profile asked for
     *                                 is of an unsupported type or over another domain
     */
    public static ReadResult readFiles(Path domainOrNull, List<Path> profiles) throws ScenarioFormatException {
        String domainText = domainOrNull == null ? null : SourceFiles.read(domainOrNull);
        List<Source> ps = new ArrayList<>();
        for (Path p : profiles) ps.add(new Source(p.toString(), stem(p), SourceFiles.read(p)));
        return parse(domainOrNull == null ? null : new Source(domainOrNull.toString(), stem(domainOrNull), domainText), ps);
    }

    /**
     * Reads a scenario from JSON texts, for tests, fuzzing and callers that do not hold files.
     *
     * @param domainJsonOrNull the domain JSON, or null to take the domain embedded in the profiles
     * @param profileJsonByParty profile JSON per party name, read in name order; messages name
     *                         them {@code <party>.json}
     * @throws ScenarioFormatException as {@link #readFiles}
     */
    public static ReadResult parse(String domainJsonOrNull, Map<String, String> profileJsonByParty) throws ScenarioFormatException {
        List<Source> ps = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(profileJsonByParty).entrySet()) {
            ps.add(new Source(e.getKey() + ".json", e.getKey(), e.getValue()));
        }
        return parse(domainJsonOrNull == null ? null : new Source("domain.json", "domain", domainJsonOrNull), ps);
    }

    private static ReadResult parse(Source domain, List<Source> profileSources) throws ScenarioFormatException {
        List<String> warnings = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<String> domainFiles = new ArrayList<>();
        if (domain != null) {
            Node root = JsonTree.parse(domain.name, domain.text);
            if (!isDomain(root)) {
                throw new ScenarioFormatException(domain.name, null,
                        "is not a GeniusWeb domain: expected an object with \"name\" and \"issuesValues\"");
            }
            domains.add(ProfileReader.readDomain(root));
            domainFiles.add(domain.stem);
        }
        List<ProfileFile> profiles = new ArrayList<>();
        for (Source s : profileSources) {
            Node root = JsonTree.parse(s.name, s.text);
            if (!isProfile(root)) {
                throw new ScenarioFormatException(s.name, null, isDomain(root)
                        ? "is a GeniusWeb domain, not a profile"
                        : "is not a GeniusWeb profile: expected an object with one key naming the profile type,"
                                + " such as {\"LinearAdditiveUtilitySpace\": {...}}");
            }
            profiles.add(profileFile(s, root));
        }
        String where = domain != null ? domain.name : profileSources.isEmpty() ? "GeniusWeb scenario" : profileSources.get(0).name;
        return assemble(where, domains, domainFiles, profiles, null, profiles.size() == 1, warnings);
    }

    /**
     * Renders a scenario as GeniusWeb JSON: {@code <domain>.json} and {@code <party>.json} per
     * party ({@code LinearAdditiveUtilitySpace} with the new type names, or
     * {@code SumOfGroupsUtilitySpace}). Warns about everything the format cannot express: red
     * lines, ratifier roles, notes, description, discount, a reservation value that no bid has.
     *
     * @throws ScenarioFormatException for a hyper-rectangle (constraint) utility, which GeniusWeb cannot express
     */
    public static Written write(Scenario s) throws ScenarioFormatException {
        return GeniusWebWriter.write(s);
    }

    // ---------------------------------------------------------------- assembly

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.toLowerCase().endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    private static boolean isDomain(Node root) {
        return root instanceof Obj o && o.get("issuesValues") != null;
    }

    private static boolean isProfile(Node root) {
        return root instanceof Obj o && o.members.size() == 1 && o.members.values().iterator().next() instanceof Obj;
    }

    private static ProfileFile profileFile(Source s, Node root) throws ScenarioFormatException {
        Map.Entry<String, Node> only = ((Obj) root).members.entrySet().iterator().next();
        Obj body = (Obj) only.getValue();
        Node d = body.get("domain");
        Domain embedded = null;
        if (d != null) {
            try {
                embedded = ProfileReader.readDomain(d);
            } catch (ScenarioFormatException e) {
                // an unsupported profile is skipped whole, whatever its domain looks like
                if (ProfileReader.SUPPORTED.contains(only.getKey())) throw e;
            }
        }
        return new ProfileFile(s.name, s.stem, only.getKey(), body, embedded, d);
    }

    private static ReadResult assemble(String where, List<Domain> domains, List<String> domainFiles, List<ProfileFile> profiles,
                                       String choice, boolean single, List<String> warnings) throws ScenarioFormatException {
        Domain domain = chooseDomain(where, domains, domainFiles, profiles, choice);
        List<Party> parties = new ArrayList<>();
        for (ProfileFile p : profiles) {
            if (!ProfileReader.SUPPORTED.contains(p.type)) {
                String why = "is a " + p.type + " profile, which Pourparler cannot read: only LinearAdditiveUtilitySpace and"
                        + " SumOfGroupsUtilitySpace profiles define utilities";
                if (single) throw new ScenarioFormatException(p.name, null, why);
                warnings.add(p.name + ": " + why + "; it is skipped.");
                continue;
            }
            if (p.embedded == null) {
                warnings.add(p.name + ": has no embedded \"domain\" (GeniusWeb requires one); it is read over domain '"
                        + domain.name() + "'.");
            } else if (!ProfileReader.sameDomain(p.embedded, domain)) {
                String why = "its domain '" + p.embedded.name() + "' " + ProfileReader.issueNames(p.embedded)
                        + " differs from the scenario's domain '" + domain.name() + "' " + ProfileReader.issueNames(domain);
                if (single) throw new ScenarioFormatException(p.name, p.domainNode.where(), why);
                warnings.add(p.name + ": " + why + "; it is skipped.");
                continue;
            }
            for (Party q : parties) {
                if (q.name().equals(p.party)) {
                    throw new ScenarioFormatException(p.name, null, "names party '" + p.party
                            + "' like another profile file; party names are file names and must differ");
                }
            }
            Profile profile = new ProfileReader(p.name, warnings).readProfile(p.type, p.body, domain);
            parties.add(Party.negotiator(p.party, profile));
        }
        if (parties.isEmpty()) {
            warnings.add(where + ": no profile could be read; the scenario has the domain only.");
        }
        return new ReadResult(Scenario.builder(domain).title(domain.name()).parties(parties).build(), warnings);
    }

    private static Domain chooseDomain(String where, List<Domain> domains, List<String> files, List<ProfileFile> profiles,
                                       String choice) throws ScenarioFormatException {
        // distinct domain files, keeping the first file name of each
        Map<Integer, Integer> distinct = new LinkedHashMap<>();
        outer:
        for (int i = 0; i < domains.size(); i++) {
            for (int j : distinct.keySet()) if (ProfileReader.sameDomain(domains.get(j), domains.get(i))) continue outer;
            distinct.put(i, i);
        }
        if (choice != null) {
            for (int i : distinct.keySet()) {
                if (files.get(i).equals(choice) || domains.get(i).name().equals(choice)) return domains.get(i);
            }
            if (distinct.isEmpty()) {
                for (ProfileFile p : profiles) {
                    if (p.embedded != null && ProfileReader.SUPPORTED.contains(p.type) && p.embedded.name().equals(choice)) {
                        return p.embedded;
                    }
                }
            }
            throw new ScenarioFormatException(where, null, "there is no domain '" + choice + "'; the domains are "
                    + describeDomains(domains, files, distinct, profiles));
        }
        if (distinct.size() > 1) {
            throw new ScenarioFormatException(where, null, "holds " + distinct.size() + " different domains: "
                    + describeDomains(domains, files, distinct, profiles) + "; choose one by file or domain name");
        }
        if (distinct.size() == 1) return domains.get(distinct.keySet().iterator().next());
        // No domain file: the domain most profiles embed (the first such profile's on a tie).
        Domain best = null;
        int bestCount = 0;
        for (ProfileFile p : profiles) {
            if (p.embedded == null || !ProfileReader.SUPPORTED.contains(p.type)) continue;
            int count = 0;
            for (ProfileFile q : profiles) {
                if (q.embedded != null && ProfileReader.SUPPORTED.contains(q.type) && ProfileReader.sameDomain(p.embedded, q.embedded)) count++;
            }
            if (count > bestCount) {
                best = p.embedded;
                bestCount = count;
            }
        }
        if (best == null) {
            for (ProfileFile p : profiles) {
                if (p.embedded != null) return p.embedded;   // only unsupported profiles: they will be reported
            }
            throw new ScenarioFormatException(where, null, "has no domain: no domain file, and no profile embeds a domain");
        }
        return best;
    }

    private static String describeDomains(List<Domain> domains, List<String> files, Map<Integer, Integer> distinct,
                                          List<ProfileFile> profiles) {
        List<String> names = new ArrayList<>();
        for (int i : distinct.keySet()) names.add(files.get(i) + ".json (domain '" + domains.get(i).name() + "')");
        if (names.isEmpty()) {
            for (ProfileFile p : profiles) {
                if (p.embedded != null && !names.contains("'" + p.embedded.name() + "'")) names.add("'" + p.embedded.name() + "'");
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
