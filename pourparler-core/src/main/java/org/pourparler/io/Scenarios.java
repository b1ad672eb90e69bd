package org.pourparler.io;

import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.io.source.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pourparler.negotiation.Conventions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.pourparler.io.genius.GeniusXml;
import org.pourparler.io.geniusweb.GeniusWebJson;
import org.pourparler.model.Scenario;

/**
 * Reads a scenario from whatever the user has — a Pourparler YAML/JSON file, a GENIUS XML folder or
 * file, a GeniusWeb JSON folder or file — and writes one in any of those formats.
 *
 * <pre>{@code
 * Scenarios.Loaded r = Scenarios.read(Path.of("examples/labour-contract.yaml"));
 * Written w = Scenarios.write(r.scenario(), Scenarios.Format.GENIUS);
 * }</pre>
 */
public final class Scenarios {

    /** The formats Pourparler reads and writes. */
    public enum Format {
        POURPARLER("Pourparler YAML/JSON"), GENIUS("GENIUS XML"), GENIUSWEB("GeniusWeb JSON");

        private final String label;

        Format(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** A scenario as read, the format it was read from, and the reader's warnings. */
    public record Loaded(Scenario scenario, Format format, List<String> warnings) { }

    private static final java.util.regex.Pattern FORMAT_KEY =
            java.util.regex.Pattern.compile("\"format\"\\s*:\\s*\"pourparler/");

    private Scenarios() { }

    /**
     * Reads the scenario at {@code path}: a file, or a folder holding one scenario (with one domain file).
     *
     * <pre>{@code
     * Scenario s = Scenarios.read(Path.of("examples/labour-contract.yaml")).scenario();
     * }</pre>
     */
    public static Loaded read(Path path) throws ScenarioFormatException {
        return read(path, null);
    }

    /**
     * Reads the scenario at {@code path}: a file, or a folder holding one scenario.
     *
     * @param domainChoice in a folder with several domain files, the file name of the one to use; else null
     */
    public static Loaded read(Path path, String domainChoice) throws ScenarioFormatException {
        return read(path, domainChoice, Conventions.POURPARLER);
    }

    /**
     * As {@link #read(Path, String)}, under the given conventions: under {@link Conventions#GENIUS},
     * GENIUS XML profiles keep their issue weights as given and their utility is capped at 1, as GENIUS
     * reads them; other formats read the same under both.
     */
    public static Loaded read(Path path, String domainChoice, Conventions conventions) throws ScenarioFormatException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new ScenarioFormatException(name, null, "no such file or folder");
        }
        if (Files.isDirectory(path)) {
            return readFolder(path, domainChoice, conventions);
        }
        String ext = extension(path);
        switch (ext) {
            case "yaml", "yml" -> {
                return loaded(PourparlerFormat.read(path), Format.POURPARLER);
            }
            case "json" -> {
                String head = SourceFiles.read(path);
                if (isPourparlerJson(head)) return loaded(PourparlerFormat.read(path), Format.POURPARLER);
                // a domain file lists "issuesValues" at its top level; a profile embeds its domain
                boolean domain = head.matches("(?s)\\s*\\{\\s*\"(name|issuesValues)\".*") && !head.contains("Utilit")
                        && !head.contains("PartialOrdering");
                return loaded(domain ? GeniusWebJson.readFiles(path, List.of()) : GeniusWebJson.readFiles(null, List.of(path)),
                        Format.GENIUSWEB);
            }
            case "xml" -> {
                // a profile file alone is a one-party scenario, on the domain beside it (or the issues it embeds)
                String text = SourceFiles.read(path);
                boolean profile = text.contains("<weight") || text.contains("evaluation=") || text.contains("<utility ")
                        || text.contains("hyperRectangle");
                return loaded(profile ? GeniusXml.readProfile(path, conventions) : GeniusXml.read(path, List.of(), conventions),
                        Format.GENIUS);
            }
            default -> throw new ScenarioFormatException(name, null,
                    "unknown kind of file: expected .yaml/.yml or .json (Pourparler), .xml (GENIUS) or .json (GeniusWeb), or a folder");
        }
    }

    private static Loaded readFolder(Path dir, String domainChoice, Conventions conventions) throws ScenarioFormatException {
        List<Path> yaml = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        List<Path> xml = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(f)) continue;
                switch (extension(f)) {
                    case "yaml", "yml" -> yaml.add(f);
                    case "json" -> json.add(f);
                    case "xml" -> xml.add(f);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new ScenarioFormatException(dir.toString(), null, "cannot list the folder: " + e.getMessage());
        }
        List<Path> ours = new ArrayList<>(yaml);
        for (Path j : json) if (isPourparlerJson(SourceFiles.read(j))) ours.add(j);
        if (ours.size() == 1 && xml.isEmpty() && json.size() == ours.size() - yaml.size()) {
            return loaded(PourparlerFormat.read(ours.get(0)), Format.POURPARLER);
        }
        if (!ours.isEmpty()) {
            throw new ScenarioFormatException(dir.toString(), null, "holds " + ours.size()
                    + " Pourparler scenario files " + fileNames(ours) + " beside other files: name the file to read");
        }
        if (!xml.isEmpty() && json.isEmpty()) return loaded(GeniusXml.readFolder(dir, domainChoice, conventions), Format.GENIUS);
        if (!json.isEmpty() && xml.isEmpty()) return loaded(GeniusWebJson.readFolder(dir, domainChoice), Format.GENIUSWEB);
        if (xml.isEmpty()) {
            throw new ScenarioFormatException(dir.toString(), null,
                    "holds no scenario files (.yaml/.yml/.json for Pourparler or GeniusWeb, .xml for GENIUS)");
        }
        throw new ScenarioFormatException(dir.toString(), null, "holds both GENIUS XML " + fileNames(xml)
                + " and JSON files " + fileNames(json) + ": name the file to read");
    }

    /** Renders the scenario in {@code format} (Pourparler: YAML). */
    public static Written write(Scenario scenario, Format format) throws ScenarioFormatException {
        return switch (format) {
            case POURPARLER -> PourparlerFormat.write(scenario, PourparlerFormat.Syntax.YAML);
            case GENIUS -> GeniusXml.write(scenario);
            case GENIUSWEB -> GeniusWebJson.write(scenario);
        };
    }

    private static boolean isPourparlerJson(String text) {
        // Our JSON files declare "format": "pourparler/1" near the top; GeniusWeb files never do.
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return FORMAT_KEY.matcher(head).find();
    }

    private static Loaded loaded(ReadResult r, Format f) {
        return new Loaded(r.scenario(), f, r.warnings());
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String fileNames(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList().toString();
    }
}
