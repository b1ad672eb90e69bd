package org.pourparler.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;

class ParquetResultsTest {

    @TempDir Path dir;

    /** The repository root (tests run in the module folder). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    /** Rows of a real small tournament on the labour contract (a negotiator pair and a ratifier). */
    List<ResultRow> tournamentRows() throws Exception {
        Path spec = dir.resolve("t.yaml");
        Files.writeString(spec, """
                format: pourparler-tournament/1
                name: parquet
                seed: 11
                scenarios: [%s]
                agents: [boulware, conceder, linear]
                deadline: {rounds: 60}
                repetitions: 1
                """.formatted(root().resolve("examples/labour-contract.yaml")));
        Tournament t = TournamentFormat.load(TournamentFormat.read(spec));
        List<ResultRow> rows = new ArrayList<>();
        LocalRunner.run(t, Set.of(), 1, (m, rs, seconds) -> rows.addAll(rs));
        return rows;
    }

    /** Rows that stress the encoding: NaN and infinities, signed zero, extreme integers, quotes, commas, line breaks, non-ASCII. */
    static List<ResultRow> oddRows() {
        return List.of(
                new ResultRow("a|b,c|0", "x/ü.yaml", 0, Long.MIN_VALUE, "sao", 0, "Party \"A\"", "negotiator", "b", "c+d", true,
                        "wage=3; term=2, years\nnext", -0.0, 0.5, Double.NaN, 1e-17, Double.POSITIVE_INFINITY, -2.5, Integer.MAX_VALUE, 1e-300,
                        Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 0.0, "agreement", "", ""),
                new ResultRow("", "", Integer.MIN_VALUE, Long.MAX_VALUE, "", -1, "", "ratifier", "", "", false, "", 0.0, -0.0, -1.5,
                        Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE, 0, 1.0, Double.NaN, Double.NaN, Double.NaN, "fault", "boulware", "hung: 日本語"));
    }

    @Test
    void rowsReadBackEqualAndInOrder() throws Exception {
        List<ResultRow> rows = new ArrayList<>(tournamentRows());
        rows.addAll(oddRows());
        assertThat(rows.stream().filter(ResultRow::agreement)).as("the tournament reached agreements").isNotEmpty();
        assertThat(rows.stream().map(ResultRow::role)).as("the tournament has a ratifier").contains("ratifier");
        Path file = dir.resolve("results.parquet");
        ParquetResults.write(rows, file);
        // record equality compares doubles bit for bit (NaN equals NaN, -0.0 differs from 0.0)
        assertThat(ParquetRows.read(file)).containsExactlyElementsOf(rows);
    }

    @Test
    void schemaHasTheResultsColumnsInOrderWithSparkTypes() throws Exception {
        Path file = dir.resolve("r.parquet");
        ParquetResults.write(oddRows(), file);
        MessageType schema = ParquetRows.schema(file);
        assertThat(schema).isEqualTo(ParquetResults.SCHEMA);
        assertThat(schema.getName()).isEqualTo("spark_schema");
        assertThat(schema.getFields().stream().map(Type::getName).toList()).isEqualTo(ResultsTable.COLUMNS);
        assertThat(schema.getType("match").isRepetition(Type.Repetition.OPTIONAL)).isTrue();
        assertThat(schema.getFields()).filteredOn(Type::isPrimitive)
                .allMatch(f -> f.isRepetition(f.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                        ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED));
        assertThat(schema.getType("match").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(schema.getType("match").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("repetition").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("seed").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("agreement").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BOOLEAN);
        assertThat(schema.getType("utility").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("results.parquet");
        ParquetResults.write(oddRows(), file);
        ParquetResults.write(oddRows().subList(1, 2), file);
        assertThat(ParquetRows.read(file)).containsExactly(oddRows().get(1));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.parquet");
        }
    }

    @Test
    void emptyTableReadsBackEmpty() throws Exception {
        Path file = dir.resolve("empty.parquet");
        ParquetResults.write(List.of(), file);
        assertThat(ParquetRows.read(file)).isEmpty();
    }

    @Test
    void anUnwritableTargetFailsWithIOException() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.writeString(folder.resolve("inside"), "x");     // a non-empty folder cannot be replaced by a file
        assertThatThrownBy(() -> ParquetResults.write(oddRows(), folder)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ParquetResults.write(oddRows(), dir.resolve("missing/results.parquet"))).isInstanceOf(IOException.class);
    }

    /**
     * The CLI has no Hadoop: write in a class loader that sees this module, core and parquet-java, but
     * not the Hadoop jars that are on the test class path only to compile and to read back.
     */
    @Test
    void writesWithoutHadoop() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("hadoop-")) continue;
            urls.add(Path.of(entry).toUri().toURL());
        }
        List<ResultRow> rows = oddRows();
        String csv = ResultsTable.header() + ResultsTable.lines(rows);
        Path file = dir.resolve("isolated.parquet");
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass("org.apache.hadoop.conf.Configuration")).isInstanceOf(ClassNotFoundException.class);
            Class<?> parquet = isolated.loadClass(ParquetResults.class.getName());
            assertThat(parquet).isNotSameAs(ParquetResults.class);
            Object isolatedRows = isolated.loadClass(ResultsTable.class.getName()).getMethod("parse", String.class).invoke(null, csv);
            parquet.getMethod("write", List.class, Path.class).invoke(null, isolatedRows, file);
        }
        assertThat(ParquetRows.read(file)).containsExactlyElementsOf(rows);
    }
}
