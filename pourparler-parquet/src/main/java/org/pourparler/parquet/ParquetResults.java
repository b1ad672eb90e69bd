package org.pourparler.parquet;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;

/**
 * The results table as a Parquet file, with the schema Spark writes for it ({@code SparkTournament}):
 * the columns of {@link ResultsTable#COLUMNS} in that order; texts as optional UTF-8 strings; whole
 * numbers as required int32/int64, numbers as required double, flags as required boolean (as Spark maps
 * the record: a reference may be null, a primitive may not). A NaN stays NaN, not null.
 *
 * <p>Needs parquet-java only, not Hadoop: files are written uncompressed (dictionary encoding still
 * shrinks the repeated texts), because parquet-java's codecs go through Hadoop's codec classes. There
 * is deliberately no reader here: parquet-java's reader needs Hadoop (its read options name Hadoop's
 * input-format classes); read the file with Spark, DuckDB, pandas/pyarrow, or parquet-java with Hadoop.
 */
public final class ParquetResults {

    /** The message name Spark gives the schema of the files it writes. */
    public static final String MESSAGE_NAME = "spark_schema";

    private static final RecordComponent[] COMPONENTS = ResultRow.class.getRecordComponents();

    /** The file schema: one column per {@link ResultsTable#COLUMNS} entry, in that order. */
    public static final MessageType SCHEMA = schema();

    private ParquetResults() { }

    /**
     * Writes the rows, in their order, to a Parquet file. The file appears complete or not at all: the
     * rows go to a temporary file beside it, which then replaces {@code file}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<ResultRow> rows, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            try (ParquetWriter<ResultRow> w = new Builder(new LocalOutputFile(tmp))
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (ResultRow r : rows) w.write(r);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static MessageType schema() {
        List<String> names = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
        // the record and the CSV columns are one table: if they ever diverge, Parquet must not silently follow only one
        if (!names.equals(ResultsTable.COLUMNS)) {
            throw new IllegalStateException("ResultRow's components " + names + " differ from ResultsTable.COLUMNS " + ResultsTable.COLUMNS);
        }
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (RecordComponent c : COMPONENTS) {
            Class<?> t = c.getType();
            if (t == String.class) b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.getName());
            else b.required(primitive(t)).named(c.getName());
        }
        return b.named(MESSAGE_NAME);
    }

    private static PrimitiveTypeName primitive(Class<?> t) {
        if (t == int.class) return PrimitiveTypeName.INT32;
        if (t == long.class) return PrimitiveTypeName.INT64;
        if (t == double.class) return PrimitiveTypeName.DOUBLE;
        if (t == boolean.class) return PrimitiveTypeName.BOOLEAN;
        throw new IllegalStateException("ResultRow has a component of type " + t + ", which has no Parquet column type here");
    }

    private static Object get(RecordComponent c, ResultRow r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns rows into Parquet records, column by column in schema order. */
    private static final class RowWriteSupport extends WriteSupport<ResultRow> {
        private RecordConsumer out;

        @Override public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @SuppressWarnings("deprecation")   // abstract in parquet-java, so it must exist; never called with a ParquetConfiguration
        @Override public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override public void write(ResultRow row) {
            out.startMessage();
            for (int c = 0; c < COMPONENTS.length; c++) {
                Object v = get(COMPONENTS[c], row);
                if (v == null) continue;                 // an absent optional value: the field is not started at all
                String name = COMPONENTS[c].getName();
                out.startField(name, c);
                if (v instanceof String s) out.addBinary(Binary.fromString(s));
                else if (v instanceof Integer i) out.addInteger(i);
                else if (v instanceof Long l) out.addLong(l);
                else if (v instanceof Double d) out.addDouble(d);
                else out.addBoolean((Boolean) v);
                out.endField(name, c);
            }
            out.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<ResultRow, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override protected Builder self() { return this; }

        @Override protected WriteSupport<ResultRow> getWriteSupport(ParquetConfiguration conf) { return new RowWriteSupport(); }

        @SuppressWarnings("deprecation")   // abstract in parquet-java, so it must exist; never called with a ParquetConfiguration
        @Override protected WriteSupport<ResultRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) { return new RowWriteSupport(); }
    }
}
