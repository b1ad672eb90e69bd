package org.pourparler.cli;

/** How a command prints its result: a report for people, or the documented JSON for programs. */
enum OutputFormat {
    text, json;

    /** The {@code --format} option shared by the commands that print results. */
    static final class Option {
        @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat format;
    }
}
