package org.pourparler.io.genius;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pourparler.io.source.ReadResult;
import org.pourparler.negotiation.Conventions;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.io.source.Written;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;

/**
 * Reads and writes GENIUS XML scenarios (the format of the GENIUS negotiation platform and the ANAC
 * competitions 2010-2019): a domain file and one preference profile per party.
 *
 * <pre>{@code
 * ReadResult r = GeniusXml.readFolder(Path.of("scenarios/anac/y2012/LaptopC"), null);
 * Scenario s = r.scenario();              // title "Laptop-C", negotiators "prof1" and "prof2"
 * r.warnings().forEach(System.err::println);
 * Written w = GeniusXml.write(s);         // "Laptop-C-domain.xml", "Laptop-C-prof1.xml", ...
 * }</pre>
 *
 * <p>Utilities follow GENIUS exactly (see {@link GeniusProfile} for the formulas): discrete values
 * are their evaluation divided by the largest evaluation, integer issues use
 * {@code clamp01(slope * (v - lowerbound) + offset)}, real issues GENIUS's linear, constant and
 * triangular evaluators, nonlinear (ANAC 2014) profiles sum hyper-rectangle utilities and divide
 * by {@code maxutility}. Weights are divided by their sum. A missing reservation value is 0; a
 * discount factor that is absent, not a number, at most 0 or above 1 means no discounting.
 * GENIUS caps utilities at 1: nonlinear utilities are capped likewise (several ANAC 2014 profiles
 * reach above their {@code maxutility}); additive ones cannot be, and a warning names any additive
 * profile worth more than 1 somewhere. Real issues, which GENIUS does not discretise, are analysed
 * on {@link #REAL_GRID_POINTS} evenly spaced values unless the issue states a {@code step}.
 *
 * <p>Defective files are repaired where the defect is known and harmless (bare {@code &}, a missing
 * space between attributes, an XML declaration after other content, a value listed twice), each
 * repair reported as a warning. Input is parsed with DOCTYPEs, external entities and XInclude
 * refused, so hostile files fail fast with a {@link ScenarioFormatException}.
 */
public final class GeniusXml {
    /** Number of grid points of a real issue that states no {@code step}: both bounds and 9 between. */
    public static final int REAL_GRID_POINTS = 11;

    private GeniusXml() { }

    /** A file's name and its parsed content. */
    private record Source(String label, String stem, SafeXml.Parsed parsed) { }

    /**
     * Reads the scenario in a folder (not its sub-folders): every {@code *.xml} file is classified
     * as the domain (root {@code <negotiation_template>}, or a {@code <utility_space>} with issues
     * but no preferences), a profile (a {@code <utility_space>} with weights, evaluations or a
     * nonlinear utility), or something else, ignored with a warning (such as the {@code pareto.xml}
     * of ANAC 2014, which holds CSV lines). Profiles are read in file-name order; one written for
     * another domain is skipped with a warning. Parties are named after their files, without
     * {@code .xml} and without the prefix all share (e.g. {@code ItexvsCypress_Itex} reads
     * {@code Itex}); all are negotiators.
     *
     * @param dir          the folder
     * @param domainChoice the domain file's name when the folder holds several, else null
     * @throws ScenarioFormatException when the folder holds no domain, several and no choice, no
     *                                 fitting profile, or a defective file
     */
    public static ReadResult readFolder(Path dir, String domainChoice) throws ScenarioFormatException {
        return readFolder(dir, domainChoice, Conventions.POURPARLER);
    }

    /**
     * As {@link #readFolder(Path, String)}, under the given conventions: under
     * {@link Conventions#GENIUS} additive profiles keep their issue weights as given and their utility
     * is capped at 1, as GENIUS reads them.
     */
    public static ReadResult readFolder(Path dir, String domainChoice, Conventions conventions) throws ScenarioFormatException {
        String folder = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new ScenarioFormatException(folder, null, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        List<Path> xmlFiles;
        try (Stream<Path> s = Files.list(dir)) {
            xmlFiles = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new ScenarioFormatException(folder, null, "cannot be listed: " + e.getMessage());
        }
        if (xmlFiles.isEmpty()) throw new ScenarioFormatException(folder, null, "holds no .xml files");

        List<String> warnings = new ArrayList<>();
        List<Source> domains = new ArrayList<>();
        List<Source> profiles = new ArrayList<>();
        for (Path p : xmlFiles) {
            String name = p.getFileName().toString();
            String text = SourceFiles.read(p);
            String head = text.strip();
            if (!head.isEmpty() && head.charAt(0) == '\uFEFF') head = head.substring(1).strip();
            if (!head.startsWith("<")) {
                warnings.add(p + ": ignored: not XML" + (head.isEmpty() ? " (empty)" : "")
                        + (name.equalsIgnoreCase("pareto.xml") ? " (a list of Pareto-optimal utility pairs)" : ""));
                continue;
            }
            Source src = new Source(p.toString(), FileNames.stem(name), SafeXml.parse(p.toString(), text));
            XmlElement root = src.parsed().root();
            if (GeniusProfile.looksLikeProfile(root)) {
                profiles.add(src);
            } else if (root.name().equals("negotiation_template")
                    || (root.name().equals("utility_space") && root.descendant("issue") != null)) {
                domains.add(src);
            } else {
                warnings.add(p + ": ignored: its root element <" + root.name()
                        + "> is neither a GENIUS domain nor a profile");
            }
        }
        Source domain = chooseDomain(folder, domains, profiles, domainChoice, warnings);
        if (profiles.isEmpty()) {
            throw new ScenarioFormatException(folder, null, "holds the domain " + domain.label()
                    + " but no preference profile");
        }
        return assemble(domain, profiles, true, warnings, conventions);
    }

    private static Source chooseDomain(String folder, List<Source> domains, List<Source> profiles, String choice,
                                       List<String> warnings) throws ScenarioFormatException {
        if (choice != null) {
            // The last path element, without Path.of, which refuses some strings with an unchecked exception.
            String wanted = choice.substring(Math.max(choice.lastIndexOf('/'), choice.lastIndexOf('\\')) + 1);
            for (Source d : domains) {
                String file = Path.of(d.label()).getFileName().toString();
                if (file.equals(wanted) || FileNames.stem(file).equals(wanted)) {
                    for (Source other : domains) {
                        if (other != d) warnings.add(other.label() + ": ignored: another domain than the chosen " + file);
                    }
                    return d;
                }
            }
            for (Source p : profiles) {
                String file = Path.of(p.label()).getFileName().toString();
                if (file.equals(wanted) || FileNames.stem(file).equals(wanted)) {
                    throw new ScenarioFormatException(folder, null, "the chosen domain " + file
                            + " is a preference profile, not a domain; the domain files are " + names(domains));
                }
            }
            throw new ScenarioFormatException(folder, null, "has no domain file named " + choice
                    + "; its domain files are " + names(domains));
        }
        if (domains.isEmpty()) {
            throw new ScenarioFormatException(folder, null, "holds no GENIUS domain file (an XML file whose root is"
                    + " <negotiation_template>)");
        }
        if (domains.size() > 1) {
            throw new ScenarioFormatException(folder, null, "holds " + domains.size() + " domain files, "
                    + names(domains) + "; choose one by giving its file name as the domain choice (e.g. \""
                    + Path.of(domains.get(0).label()).getFileName() + "\")");
        }
        return domains.get(0);
    }

    private static String names(List<Source> sources) {
        if (sources.isEmpty()) return "none";
        return sources.stream().map(s -> Path.of(s.label()).getFileName().toString()).collect(Collectors.joining(", "));
    }

    /**
     * Reads a domain file and the given profile files (in the order given). Every profile must fit
     * the domain.
     *
     * @throws ScenarioFormatException when a file is missing, defective, or a profile does not fit
     */
    public static ReadResult read(Path domainFile, List<Path> profileFiles) throws ScenarioFormatException {
        return read(domainFile, profileFiles, Conventions.POURPARLER);
    }

    /** As {@link #read(Path, List)}, under the given conventions (see {@link #readFolder(Path, String, Conventions)}). */
    public static ReadResult read(Path domainFile, List<Path> profileFiles, Conventions conventions) throws ScenarioFormatException {
        List<String> warnings = new ArrayList<>();
        Source domain = source(domainFile);
        List<Source> profiles = new ArrayList<>();
        for (Path p : profileFiles) profiles.add(source(p));
        return assemble(domain, profiles, false, warnings, conventions);
    }

    /**
     * Reads one profile file as a one-party scenario. Its domain is found as GENIUS keeps it: the
     * domain file beside it (in its folder) that it fits, when there is exactly one; otherwise the
     * issues the profile embeds (GENIUS writes every issue and value into a profile), with a warning.
     *
     * @throws ScenarioFormatException when the file is missing, defective or not a profile
     */
    public static ReadResult readProfile(Path profileFile) throws ScenarioFormatException {
        return readProfile(profileFile, Conventions.POURPARLER);
    }

    /** As {@link #readProfile(Path)}, under the given conventions (see {@link #readFolder(Path, String, Conventions)}). */
    public static ReadResult readProfile(Path profileFile, Conventions conventions) throws ScenarioFormatException {
        Source profile = source(profileFile);
        if (!GeniusProfile.looksLikeProfile(profile.parsed().root())) {
            throw new ScenarioFormatException(profile.label(), null, "is not a GENIUS preference profile (a <utility_space> with "
                    + "weights, evaluations or a nonlinear utility)");
        }
        List<ReadResult> fits = new ArrayList<>();
        Path dir = profileFile.toAbsolutePath().getParent();
        List<Path> siblings = List.of();
        if (dir != null) {
            try (Stream<Path> s = Files.list(dir)) {
                siblings = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                        .filter(Files::isRegularFile).filter(p -> !p.getFileName().equals(profileFile.getFileName()))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).limit(200).toList();
            } catch (IOException e) {
                siblings = List.of();          // no folder to search: the embedded issues below
            }
        }
        for (Path p : siblings) {
            Source d;
            try {
                d = source(p);
            } catch (ScenarioFormatException e) {
                continue;                      // not a readable XML file: not the domain
            }
            XmlElement root = d.parsed().root();
            boolean isDomain = !GeniusProfile.looksLikeProfile(root) && (root.name().equals("negotiation_template")
                    || (root.name().equals("utility_space") && root.descendant("issue") != null));
            if (!isDomain) continue;
            try {
                fits.add(assemble(d, List.of(profile), false, new ArrayList<>(), conventions));
            } catch (ScenarioFormatException e) {
                // written for another domain
            }
        }
        if (fits.size() == 1) return fits.get(0);
        List<String> warnings = new ArrayList<>();
        warnings.add(profile.label() + ": " + (fits.isEmpty() ? "no domain file beside it fits it" : fits.size()
                + " domain files beside it fit it") + "; its domain is read from the issues it embeds");
        return assemble(profile, List.of(profile), false, warnings, true, List.of(profile.stem()), conventions);
    }

    private static Source source(Path p) throws ScenarioFormatException {
        String text = SourceFiles.read(p);
        return new Source(p.toString(), FileNames.stem(p.getFileName().toString()), SafeXml.parse(p.toString(), text));
    }

    /**
     * Reads a scenario from texts, as {@link #read} does from files. Parties are named by the map's
     * keys (without a {@code .xml} ending), in key order.
     *
     * @param domainName the domain file's name, which gives the title when the domain names no objective
     */
    public static ReadResult parse(String domainName, String domainXml, Map<String, String> profileXmlByName)
            throws ScenarioFormatException {
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(domainXml, "domainXml");
        Objects.requireNonNull(profileXmlByName, "profileXmlByName");
        List<String> warnings = new ArrayList<>();
        String domainStem = FileNames.stem(domainName);
        Source domain = new Source(domainName, domainStem, SafeXml.parse(domainName, domainXml));
        List<Source> profiles = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(profileXmlByName).entrySet()) {
            profiles.add(new Source(e.getKey(), FileNames.stem(e.getKey()), SafeXml.parse(e.getKey(), e.getValue())));
        }
        return assemble(domain, profiles, false, warnings, false, profiles.stream().map(Source::stem).toList(), Conventions.POURPARLER);
    }

    private static ReadResult assemble(Source domain, List<Source> profiles, boolean skipMismatches,
                                       List<String> warnings, Conventions conventions) throws ScenarioFormatException {
        return assemble(domain, profiles, skipMismatches, warnings, false,
                FileNames.partyNames(domain.stem(), profiles.stream().map(Source::stem).toList()), conventions);
    }

    private static ReadResult assemble(Source domain, List<Source> profiles, boolean skipMismatches,
                                       List<String> warnings, boolean embedded, List<String> partyNames, Conventions conventions)
            throws ScenarioFormatException {
        XmlElement root = domain.parsed().root();
        if ((!embedded && GeniusProfile.looksLikeProfile(root))
                || !(root.name().equals("negotiation_template") || root.name().equals("utility_space"))) {
            throw new ScenarioFormatException(domain.label(), root.where(), "is not a GENIUS domain file (expected"
                    + " <negotiation_template> holding a <utility_space> with issues and no preferences)");
        }
        repairs(domain, warnings);
        GeniusDomain gd = GeniusDomain.read(domain.label(), domain.stem(), root, warnings);
        Scenario.Builder b = Scenario.builder(gd.domain()).title(gd.title()).description(gd.description());
        Set<String> used = new HashSet<>();
        for (int k = 0; k < profiles.size(); k++) {
            Source p = profiles.get(k);
            List<String> profileWarnings = new ArrayList<>();
            repairs(p, profileWarnings);
            Profile profile;
            try {
                profile = GeniusProfile.read(p.label(), p.parsed().root(), gd, profileWarnings, conventions);
            } catch (GeniusProfile.Mismatch m) {
                String problem = "does not fit domain '" + gd.domain().name() + "' (" + domain.label() + "): "
                        + m.getMessage();
                if (!skipMismatches) throw new ScenarioFormatException(p.label(), null, problem);
                warnings.add(p.label() + ": skipped: it " + problem);
                continue;
            }
            warnings.addAll(profileWarnings);
            String name = !partyNames.get(k).isBlank() ? partyNames.get(k)
                    : !p.stem().isBlank() ? p.stem() : "party " + (k + 1);
            if (!used.add(name)) {
                throw new ScenarioFormatException(p.label(), null, "gives a second party named '" + name + "'");
            }
            b.party(Party.negotiator(name, profile));
        }
        Scenario s = b.build();
        if (skipMismatches && s.parties().isEmpty()) {
            throw new ScenarioFormatException(domain.label(), null, "no profile in the folder fits this domain");
        }
        return new ReadResult(s, warnings);
    }

    private static void repairs(Source s, List<String> warnings) {
        for (String r : s.parsed().repairs()) warnings.add(s.label() + ": repaired: " + r);
    }

    /**
     * Renders the scenario as GENIUS XML: {@code <title>-domain.xml} and {@code <title>-<party>.xml}
     * (names made safe for file systems). Whatever GENIUS cannot express is reported in the
     * warnings (red lines, ratifier roles, reservation outcomes, provenance notes, value functions
     * GENIUS lacks, best values below 1); see {@link GeniusWriter} for the rules. Reading the files
     * back gives the same utilities, reservation values and discounts, except where a warning says
     * otherwise.
     *
     * @throws ScenarioFormatException for utilities GENIUS cannot express at all (sum of groups,
     *                                 max/min hyper-rectangles, rectangles on non-integer issues)
     */
    public static Written write(Scenario scenario) throws ScenarioFormatException {
        return GeniusWriter.write(scenario);
    }
}
