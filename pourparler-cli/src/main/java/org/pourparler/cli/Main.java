package org.pourparler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.pourparler.model.PourparlerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pourparler} command. Exit codes: 0 success, 2 user error (message on stderr, no stack
 * trace), 1 a bug (stack trace, please report).
 */
@Command(name = "pourparler", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Model, analyse and simulate multi-issue, multi-party negotiations.",
        subcommands = {InspectCommand.class, ConvertCommand.class, AnalyzeCommand.class, NegotiateCommand.class,
                TournamentCommand.class, ReportCommand.class, ServeCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for errors the user can fix: bad input, bad options. */
    public static final int USER_ERROR = 2;

    static {
        // one SLF4J provider, chosen here: slf4j-simple (quiet but for 'serve'), even when Spark's jars bring another
        if (System.getProperty("slf4j.provider") == null) System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'pourparler inspect examples/labour-contract.yaml'");
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // an agent's System.exit was contained (the JVM is already shutting down): end with the command's code
        if (Watchdog.exiting()) Watchdog.finish(code);
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // names and labels come from input files: no control character or ANSI escape reaches the terminal raw
        cl.setOut(Terminal.guard(out));
        cl.setErr(Terminal.guard(err));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof PourparlerException) {       // every error a user can cause, the CLI's own included
                commandLine.getErr().println("error: " + ex.getMessage());
                return USER_ERROR;
            }
            commandLine.getErr().println("internal error (a bug in Pourparler; please report it with this trace):");
            ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** An error the user can fix, with a message that says how. */
    static final class UserException extends PourparlerException {
        private static final long serialVersionUID = 1L;

        UserException(String message) { super(message, null); }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"pourparler " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
