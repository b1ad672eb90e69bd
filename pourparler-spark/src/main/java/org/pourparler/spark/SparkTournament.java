package org.pourparler.spark;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;
import org.pourparler.tournament.TournamentSpec;

/**
 * Plays a tournament on a Spark cluster and writes its results table as Parquet.
 *
 * <p>The driver loads the tournament (which checks the specification and every scenario) and spreads
 * the negotiations' ids over the executors in contiguous slices, so a slice mostly stays on one
 * scenario. Each slice builds the tournament once, from the specification and the scenario files it
 * needs (every executor must see them at the same path), and plays its negotiations one at a time with
 * {@link org.pourparler.tournament.LocalRunner} — with the same seeds, fault handling and hang
 * watchdog as a local run, so the rows equal a local run's. A
 * negotiation's seed depends on its coordinates only, so a task Spark retries gives the same rows.
 *
 * <p>The table has the columns of {@link ResultsTable#COLUMNS}; {@link #schema()} gives their types.
 * docs/spark.md tells how to submit it to a cluster.
 */
public final class SparkTournament {

    /** The name of the results folder Spark writes in the output folder. */
    public static final String RESULTS = "results.parquet";

    private static final RecordComponent[] COMPONENTS = ResultRow.class.getRecordComponents();
    private static final java.lang.reflect.Constructor<ResultRow> CANONICAL = canonical();

    private static java.lang.reflect.Constructor<ResultRow> canonical() {
        try {
            return ResultRow.class.getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a run did: how many negotiations were played, and where the table went. */
    public record Summary(int negotiations, int slices, String output) { }

    private SparkTournament() { }

    /**
     * The table's Spark schema: one column per {@link ResultsTable#COLUMNS} entry, in that order; texts
     * as nullable strings, numbers and flags as non-null int, long, double and boolean (in Parquet:
     * optional and required columns; {@code ParquetResults} in pourparler-parquet writes the same schema).
     */
    public static StructType schema() {
        List<String> names = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
        // the record and the CSV columns are one table: a divergence must fail loudly, not write a third layout
        if (!names.equals(ResultsTable.COLUMNS)) {
            throw new IllegalStateException("ResultRow's components " + names + " differ from ResultsTable.COLUMNS " + ResultsTable.COLUMNS);
        }
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : COMPONENTS) {
            Class<?> t = c.getType();
            DataType type;
            if (t == String.class) type = DataTypes.StringType;
            else if (t == int.class) type = DataTypes.IntegerType;
            else if (t == long.class) type = DataTypes.LongType;
            else if (t == double.class) type = DataTypes.DoubleType;
            else if (t == boolean.class) type = DataTypes.BooleanType;
            else throw new IllegalStateException("ResultRow has a component of type " + t + ", which has no Spark column type here");
            fields.add(DataTypes.createStructField(c.getName(), type, t == String.class));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * The results of the tournament in a specification file, as a lazy DataFrame: nothing is played
     * until an action (a write, a count) runs. Executors read {@code specFile} as given: a relative
     * path is resolved against each executor's working folder.
     *
     * @param slices how many tasks to split the negotiations into; 0 for four per default parallelism unit
     * @throws ScenarioFormatException when the driver cannot read the specification or a scenario
     */
    public static Dataset<Row> results(SparkSession spark, String specFile, int slices) throws ScenarioFormatException {
        return plan(spark, new SpecSource.File(specFile), slices).table();
    }

    /**
     * The results of a tournament specification, as a lazy DataFrame. The specification travels to the
     * executors by value; its scenario paths are resolved against its base folder on each executor.
     *
     * @param slices how many tasks to split the negotiations into; 0 for four per default parallelism unit
     * @throws ScenarioFormatException when the driver cannot read a scenario
     */
    public static Dataset<Row> results(SparkSession spark, TournamentSpec spec, int slices) throws ScenarioFormatException {
        return plan(spark, SpecSource.Values.of(spec), slices).table();
    }

    /** A lazy table, with how many negotiations it plays in how many slices. */
    private record Plan(Dataset<Row> table, int negotiations, int slices) { }

    private static Plan plan(SparkSession spark, SpecSource source, int slices) throws ScenarioFormatException {
        if (slices < 0) throw new IllegalArgumentException("The number of slices must be >= 0, but was " + slices);
        Tournament t = TournamentFormat.load(source.spec());
        List<PlaySlice.Work> work = new ArrayList<>();
        for (Match m : t.matches()) work.add(new PlaySlice.Work(m.id(), m.scenario()));
        int n = chooseSlices(spark, work.size(), slices);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(work, n)
                .mapPartitions(new PlaySlice(source, PlaySlice.files(t)));
        return new Plan(spark.createDataFrame(rows, schema()), work.size(), n);
    }

    static int chooseSlices(SparkSession spark, int negotiations, int slices) {
        // a few slices per core balance uneven negotiations; more would reload the scenarios for little gain
        int wanted = slices > 0 ? slices : 4 * Math.max(1, spark.sparkContext().defaultParallelism());
        return Math.max(1, Math.min(negotiations, wanted));
    }

    /**
     * Plays the tournament of a specification file and writes {@code outDir/results.parquet} (a Parquet
     * folder, as Spark writes them), failing if it exists.
     *
     * @throws ScenarioFormatException when the driver cannot read the specification or a scenario
     */
    public static Summary run(SparkSession spark, Path specFile, Path outDir) throws ScenarioFormatException {
        return run(spark, specFile.toString(), outDir.toAbsolutePath().resolve(RESULTS).toUri().toString(), 0, SaveMode.ErrorIfExists);
    }

    /**
     * Plays a tournament and writes {@code outDir/results.parquet}, failing if it exists.
     *
     * @throws ScenarioFormatException when the driver cannot read a scenario
     */
    public static Summary run(SparkSession spark, TournamentSpec spec, Path outDir) throws ScenarioFormatException {
        return run(spark, SpecSource.Values.of(spec), outDir.toAbsolutePath().resolve(RESULTS).toUri().toString(), 0, SaveMode.ErrorIfExists);
    }

    /**
     * Plays the tournament of a specification file and writes the table to {@code output}, any path or
     * URI Spark can write (a path without a scheme is on the cluster's default file system, e.g. HDFS).
     *
     * @param slices 0 for the default (four per default parallelism unit)
     * @param mode   what to do when {@code output} exists
     * @throws ScenarioFormatException when the driver cannot read the specification or a scenario
     */
    public static Summary run(SparkSession spark, String specFile, String output, int slices, SaveMode mode) throws ScenarioFormatException {
        return run(spark, new SpecSource.File(specFile), output, slices, mode);
    }

    private static Summary run(SparkSession spark, SpecSource source, String output, int slices, SaveMode mode) throws ScenarioFormatException {
        Plan plan = plan(spark, source, slices);
        plan.table().write().mode(mode).parquet(output);
        writeCsv(spark, output, mode);
        return new Summary(plan.negotiations(), plan.slices(), output);
    }

    /** The CSV file {@link #writeCsv} writes next to the Parquet folder. */
    public static final String CSV = "results.csv";

    /**
     * Writes the rows just written to {@code output} also as {@code results.csv} beside it (the local
     * runner's format, in match order), through the cluster's file system, so that {@code pourparler
     * report DIR} reads a Spark run as it reads a local one.
     */
    private static void writeCsv(SparkSession spark, String output, SaveMode mode) {
        List<ResultRow> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(output).collectAsList()) rows.add(row(r));
        rows = ResultsTable.canonical(rows);
        org.apache.hadoop.fs.Path parquet = new org.apache.hadoop.fs.Path(output);
        org.apache.hadoop.fs.Path csv = new org.apache.hadoop.fs.Path(parquet.getParent(), CSV);
        try {
            org.apache.hadoop.fs.FileSystem fs = csv.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (java.io.OutputStream out = fs.create(csv, mode == SaveMode.Overwrite)) {
                out.write((ResultsTable.header() + ResultsTable.lines(rows)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** One row of the table, back as a {@link ResultRow}: columns by name, or in {@link ResultsTable#COLUMNS} order for a row without a schema. */
    public static ResultRow row(Row r) {
        Object[] v = new Object[COMPONENTS.length];
        for (int c = 0; c < v.length; c++) {
            String name = COMPONENTS[c].getName();
            v[c] = r.get(r.schema() == null ? c : r.fieldIndex(name));
        }
        try {
            return CANONICAL.newInstance(v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild a result row from " + java.util.Arrays.toString(v), e);
        }
    }

    /**
     * For {@code pourparler tournament SPEC --spark MASTER} (called by reflection, so that the CLI needs
     * no Spark to build): plays the tournament on a session with this master, writes
     * {@code outDir/results.parquet} and returns every row, read back from it, in match order.
     */
    public static List<ResultRow> runForCli(String master, Path specFile, Path outDir) throws ScenarioFormatException {
        TournamentSpec spec = TournamentFormat.read(specFile);
        SparkSession session = SparkSession.builder().appName("pourparler tournament " + spec.name()).master(master).getOrCreate();
        try {
            Summary s = run(session, specFile, outDir);
            List<ResultRow> rows = new ArrayList<>();
            for (Row r : session.read().parquet(s.output()).collectAsList()) rows.add(row(r));
            rows.sort(java.util.Comparator.comparing(ResultRow::match).thenComparingInt(ResultRow::position));
            return rows;
        } finally {
            session.stop();
        }
    }

    /**
     * {@code spark-submit --class org.pourparler.spark.SparkTournament pourparler-spark.jar [options] SPEC.yaml OUTDIR}.
     * Options: {@code --master URL} (for a run without spark-submit, e.g. {@code local[*]}), {@code --slices N},
     * {@code --overwrite}. Exit status 0 on success, 2 for a usage or specification problem, 1 when the run fails.
     */
    public static void main(String[] args) {
        int status = execute(args, System.out, System.err);
        if (status != 0) System.exit(status);
    }

    static final String USAGE = "usage: SparkTournament [--master URL] [--slices N] [--overwrite] SPEC.yaml OUTDIR\n"
            + "  plays the tournament of SPEC.yaml on Spark and writes OUTDIR/" + RESULTS + "\n"
            + "  (OUTDIR may be any path or URI Spark writes to: file:/..., hdfs://..., s3a://...)";

    /** Runs the command line; returns the exit status. Stops the Spark session only if it started it. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        String master = null;
        int slices = 0;
        SaveMode mode = SaveMode.ErrorIfExists;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--master", "--slices" -> {
                    if (i + 1 == args.length) return usage(err, a + " needs a value");
                    String v = args[++i];
                    if (a.equals("--master")) {
                        master = v;
                    } else {
                        try {
                            slices = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            slices = -1;
                        }
                        if (slices < 1) return usage(err, "--slices needs a whole number >= 1, but was '" + v + "'");
                    }
                }
                case "--overwrite" -> mode = SaveMode.Overwrite;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option " + a);
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2) return usage(err, "expected SPEC.yaml and OUTDIR, but got " + positional.size() + " argument(s)");
        String spec = positional.get(0);
        String output = positional.get(1).replaceAll("/+$", "") + "/" + RESULTS;

        TournamentSpec read;
        try {
            read = TournamentFormat.read(Path.of(spec));    // fail before starting Spark when the specification is wrong
        } catch (ScenarioFormatException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        boolean existed = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder builder = SparkSession.builder().appName("pourparler tournament " + read.name());
        if (master != null) builder.master(master);
        SparkSession session = builder.getOrCreate();
        try {
            long start = System.nanoTime();
            Summary s = run(session, spec, output, slices, mode);
            out.printf("%d negotiations in %d slices, %.1f s: %s%n", s.negotiations(), s.slices(), (System.nanoTime() - start) / 1e9, s.output());
            return 0;
        } catch (ScenarioFormatException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {      // Spark's AnalysisException (the output exists, ...) is checked but undeclared
            err.println("error: the tournament failed: " + rootMessage(e));
            return 1;
        } finally {
            if (!existed) session.stop();
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t == e ? String.valueOf(e.getMessage()) : t + " (" + e.getClass().getSimpleName() + ")";
    }
}
