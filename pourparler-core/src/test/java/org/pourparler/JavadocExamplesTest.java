package org.pourparler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every code example in the core's Javadoc ({@code <pre>{@code ...}</pre>}) compiles against the core
 * as it is: an example is a few statements (compiled as a method body) or declarations (compiled as
 * members of a class), with the core's packages imported and the names examples commonly take as
 * given — {@code scenario}, {@code domain}, {@code profile}, {@code result}, ... — declared as fields
 * of the class, which an example's own locals may shadow. An example that compiles neither way fails
 * the test with the compiler's messages and the file it is in.
 */
class JavadocExamplesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern BLOCK = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\n\\s*\\*\\s*\\}</pre>", Pattern.DOTALL);

    private static final String IMPORTS = String.join("\n",
            "import java.util.*;", "import java.nio.file.*;", "import java.time.*;", "import java.math.BigInteger;",
            "import org.pourparler.model.*;", "import org.pourparler.analysis.*;", "import org.pourparler.negotiation.*;",
            "import org.pourparler.agents.*;", "import org.pourparler.tournament.*;", "import org.pourparler.room.*;",
            "import org.pourparler.io.*;", "import org.pourparler.io.genius.*;", "import org.pourparler.io.geniusweb.*;",
            "import org.pourparler.io.pourparler.*;", "import org.pourparler.io.tournament.*;", "import org.pourparler.io.source.*;", "");

    /** The names examples take as given, as fields an example's own locals may shadow. */
    private static final String GIVENS = String.join("\n",
            "Scenario scenario; Scenario s; Domain domain; Domain d; Profile profile; Profile p; UtilityFunction u;",
            "UtilityFunction utility; List<UtilityFunction> utilities; List<RedLine> redLines; Outcome outcome; Outcome agreement;",
            "int[] values; SessionResult result; SessionResult r; NegotiationView view; NegotiationView v; Path path; Path file;",
            "List<Negotiator> negotiators; Deadline deadline; Session.Options options; AgreementAnalysis.Report report;",
            "RoomSpec spec; Room room; java.time.Instant now; double[] weights; List<ValueFunction> functions;",
            "List<Negotiator> agents; List<RoomEvent> storedEvents; Issue brand, disk, screen; int territory, nato; Profile p1, p2; Outcome deal;", "");

    record Example(Path file, int line, String code) { }

    @Test
    void everyJavadocExampleCompiles() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).as("the core's Javadoc has code examples").hasSizeGreaterThan(10);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            String asStatements = compile("Example" + i, "void run() throws Exception {\n" + e.code() + "\n}");
            if (asStatements.isEmpty()) continue;
            String asMembers = compile("Example" + i, e.code());
            if (asMembers.isEmpty()) continue;
            failures.add(e.file() + ":" + e.line() + "\n" + e.code() + "\n-- as statements:\n" + asStatements + "-- as members:\n" + asMembers);
        }
        assertThat(failures).as("examples that do not compile").isEmpty();
    }

    /** The examples of every main source file, with their first line. */
    private static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                Matcher m = BLOCK.matcher(text);
                while (m.find()) {
                    if (m.group(1).replaceFirst("^\\s*\\*\\s*", "").matches("(?s)^[{\\[<].*")) continue;   // a data format's sample, not Java
                    StringBuilder code = new StringBuilder();
                    for (String line : m.group(1).split("\n")) code.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
                    String c = code.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&amp;", "&");
                    out.add(new Example(f, 1 + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count(), c));
                }
            }
        }
        return out;
    }

    /** Compiles the body inside a class with the imports and givens; the compiler's errors, or empty. */
    private static String compile(String name, String body) {
        String source = IMPORTS + "@SuppressWarnings(\"all\") abstract class " + name + " {\n" + GIVENS + body + "\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
        };
        Path out;
        try {
            out = Files.createTempDirectory("javadoc-example");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none", "-Xlint:none");
        boolean ok = compiler.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
        StringBuilder errors = new StringBuilder();
        if (!ok) {
            diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .forEach(d -> errors.append("  line ").append(d.getLineNumber() - IMPORTS.split("\n").length - GIVENS.split("\n").length - 1)
                            .append(": ").append(d.getMessage(null)).append('\n'));
        }
        try (Stream<Path> s = Files.walk(out)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
        return errors.toString();
    }
}
