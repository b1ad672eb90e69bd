package org.pourparler.parquet;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.pourparler.tournament.ResultRow;

/** Reads a results file back with parquet-java's own reader (which needs Hadoop: tests only). */
final class ParquetRows {
    private ParquetRows() { }

    static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    /** The rows in file order; columns found by name. */
    static List<ResultRow> read(Path file) throws IOException, ReflectiveOperationException {
        RecordComponent[] cs = ResultRow.class.getRecordComponents();
        Constructor<ResultRow> make = ResultRow.class.getDeclaredConstructor(Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<ResultRow> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    Object[] v = new Object[cs.length];
                    for (int c = 0; c < cs.length; c++) {
                        int f = schema.getFieldIndex(cs[c].getName());
                        Class<?> t = cs[c].getType();
                        if (g.getFieldRepetitionCount(f) == 0) v[c] = null;
                        else if (t == String.class) v[c] = g.getString(f, 0);
                        else if (t == int.class) v[c] = g.getInteger(f, 0);
                        else if (t == long.class) v[c] = g.getLong(f, 0);
                        else if (t == double.class) v[c] = g.getDouble(f, 0);
                        else v[c] = g.getBoolean(f, 0);
                    }
                    rows.add(make.newInstance(v));
                }
            }
        }
        return rows;
    }
}
