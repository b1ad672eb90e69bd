package org.pourparler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.io.Scenarios;
import org.pourparler.io.source.Written;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler convert}: a scenario in another format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Write a scenario in another format. Whatever the target format cannot express (red lines,",
                "ratifiers, notes, ...) is named in a warning; existing files are never overwritten without --force."})
final class ConvertCommand implements Callable<Integer> {

    enum Target { pourparler, genius, geniusweb }

    enum Syntax { yaml, json }

    @Mixin
    ScenarioInput input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "Target format: ${COMPLETION-CANDIDATES}.")
    Target to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if absent).")
    Path out;

    @Option(names = "--syntax", defaultValue = "yaml", paramLabel = "yaml|json",
            description = "For --to pourparler: YAML or JSON (default: ${DEFAULT-VALUE}).")
    Syntax syntax;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenarios.Loaded loaded = input.load();
        PrintWriter err = spec.commandLine().getErr();
        for (String w : loaded.warnings()) err.println("warning (reading): " + w);
        Written written = switch (to) {
            case pourparler -> PourparlerFormat.write(loaded.scenario(),
                    syntax == Syntax.json ? PourparlerFormat.Syntax.JSON : PourparlerFormat.Syntax.YAML);
            case genius -> Scenarios.write(loaded.scenario(), Scenarios.Format.GENIUS);
            case geniusweb -> Scenarios.write(loaded.scenario(), Scenarios.Format.GENIUSWEB);
        };
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Main.UserException(out + ": --out must be a folder, but this is a file");
        }
        for (String name : written.files().keySet()) OutputFiles.checkWritable(out.resolve(name), "--out", force, input.path);
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, String> f : written.files().entrySet()) {
                Path target = out.resolve(f.getKey());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("wrote " + target);
            }
        } catch (IOException e) {
            throw new Main.UserException("cannot write to " + out + ": " + e.getMessage());
        }
        for (String w : written.warnings()) err.println("warning (writing " + to + "): " + w);
        return 0;
    }
}
