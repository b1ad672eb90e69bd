package org.pourparler.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.pourparler.tournament.ResultRow;

/**
 * The numeric columns of a results row, by name, read from {@link ResultRow}'s components: every
 * {@code double} and {@code int} column, and {@code boolean} ones as 0 or 1. A column added to the
 * row is a metric here without a change. The coordinates of a negotiation (repetition, seed,
 * position) are not metrics.
 */
public final class Columns {

    private static final Set<String> NOT_METRICS = Set.of("repetition", "seed", "position");
    private static final Map<String, ToDoubleFunction<ResultRow>> METRICS = metrics();

    private Columns() { }

    /** The names of the metric columns, in the row's column order. */
    public static List<String> metricNames() {
        return List.copyOf(METRICS.keySet());
    }

    /**
     * The column named {@code name} as a number per row.
     *
     * @throws IllegalArgumentException naming the metric columns when there is none called {@code name}
     */
    public static ToDoubleFunction<ResultRow> metric(String name) {
        ToDoubleFunction<ResultRow> f = METRICS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("there is no metric column '" + name + "'; the metrics are " + String.join(", ", METRICS.keySet()));
        }
        return f;
    }

    private static Map<String, ToDoubleFunction<ResultRow>> metrics() {
        Map<String, ToDoubleFunction<ResultRow>> out = new LinkedHashMap<>();
        for (RecordComponent c : ResultRow.class.getRecordComponents()) {
            Class<?> t = c.getType();
            if (NOT_METRICS.contains(c.getName()) || !(t == double.class || t == int.class || t == long.class || t == boolean.class)) continue;
            var accessor = c.getAccessor();
            out.put(c.getName(), row -> {
                try {
                    Object v = accessor.invoke(row);
                    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read column " + c.getName(), e);
                }
            });
        }
        return out;
    }

    /** The values of a metric over rows, finite ones only (an undefined advantage is NaN). */
    static double[] finite(List<ResultRow> rows, ToDoubleFunction<ResultRow> metric) {
        List<Double> v = new ArrayList<>();
        for (ResultRow r : rows) {
            double x = metric.applyAsDouble(r);
            if (Double.isFinite(x)) v.add(x);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The row's values in column order, leaving out the named columns (equal lists: rows equal but for those). */
    static List<Object> valuesExcept(ResultRow row, Set<String> leftOut) {
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : ResultRow.class.getRecordComponents()) {
            if (leftOut.contains(c.getName())) continue;
            try {
                out.add(c.getAccessor().invoke(row));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read column " + c.getName(), e);
            }
        }
        return out;
    }
}
