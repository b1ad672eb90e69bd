package org.pourparler.cli;

import java.nio.file.Path;
import java.util.List;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.Scenarios;
import org.pourparler.negotiation.Conventions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a scenario shares: the path, the domain choice, the parties. */
final class ScenarioInput {
    @Parameters(index = "0", paramLabel = "PATH",
            description = "A scenario: a Pourparler .yaml/.json file, a GENIUS XML folder or file, a GeniusWeb JSON folder or file.")
    Path path;

    @Option(names = "--domain", paramLabel = "FILE",
            description = "In a folder holding several domain files, the file name of the domain to use.")
    String domain;

    @Option(names = "--parties", split = ",", paramLabel = "NAME",
            description = "Keep only these parties, in this order (comma-separated names).")
    List<String> parties;

    /** Reads the scenario and keeps the chosen parties. */
    Scenarios.Loaded load() throws ScenarioFormatException, Main.UserException {
        return load(Conventions.POURPARLER);
    }

    /** Reads the scenario under the given conventions (GENIUS files as GENIUS reads them, under GENIUS's) and keeps the chosen parties. */
    Scenarios.Loaded load(Conventions conventions) throws ScenarioFormatException, Main.UserException {
        if (parties != null && (parties.isEmpty() || parties.stream().anyMatch(String::isBlank))) {
            // "--parties ," or "--parties a,,b": an empty name is a typo, not "all parties"
            throw new Main.UserException("--parties needs party names separated by commas (e.g. --parties buyer,seller), but was '"
                    + String.join(",", parties) + "'");
        }
        Scenarios.Loaded loaded = Scenarios.read(path, domain, conventions);
        if (parties == null) return loaded;
        try {
            return new Scenarios.Loaded(loaded.scenario().withParties(parties), loaded.format(), loaded.warnings());
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(path + ": --parties " + String.join(",", parties) + ": " + e.getMessage());
        }
    }

}
