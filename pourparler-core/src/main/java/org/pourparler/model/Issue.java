package org.pourparler.model;

/**
 * One negotiable issue: a finite, ordered set of options, addressed by a dense index
 * {@code 0 .. size()-1}. Outcomes store these indexes, never the labels.
 *
 * <pre>{@code
 * Issue territory = Issue.discrete("territory", List.of("status quo", "1991 borders"));
 * Issue price = Issue.integer("price", 10, 20);          // 11 options
 * Issue share = Issue.real("share", "0", "1", "0.25");   // 0, 0.25, 0.5, 0.75, 1
 * }</pre>
 */
public sealed interface Issue permits DiscreteIssue, IntegerIssue, RealIssue {

    /** The largest number of options one issue may have (an {@code int} index, with headroom). */
    int MAX_OPTIONS = Integer.MAX_VALUE - 8;

    /** Kinds of issue. */
    enum Type { DISCRETE, INTEGER, REAL }

    String name();

    Type type();

    /** Number of options. */
    int size();

    /** The option at {@code index}, as text (the label of a discrete option, the number otherwise). */
    String label(int index);

    /** The index of the option with this label, or -1 when there is none. */
    int indexOf(String label);

    /** Whether options are numbers ({@link #numericValue(int)} is defined). */
    default boolean isNumeric() {
        return type() != Type.DISCRETE;
    }

    /**
     * The numeric value of option {@code index}.
     *
     * @throws UnsupportedOperationException for a discrete issue
     */
    double numericValue(int index);

    static DiscreteIssue discrete(String name, java.util.List<String> values) {
        return new DiscreteIssue(name, values);
    }

    static IntegerIssue integer(String name, long min, long max) {
        return new IntegerIssue(name, min, max);
    }

    static RealIssue real(String name, String min, String max, String step) {
        return new RealIssue(name, new java.math.BigDecimal(min), new java.math.BigDecimal(max),
                new java.math.BigDecimal(step));
    }

    /** Checks an option index, naming the issue in the message. */
    static void checkIndex(Issue issue, int index) {
        if (index < 0 || index >= issue.size()) {
            throw new IndexOutOfBoundsException("Issue '" + issue.name() + "' has options 0.."
                    + (issue.size() - 1) + ", but index was " + index);
        }
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An issue name must not be empty");
        }
        return name;
    }
}
