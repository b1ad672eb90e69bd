package org.pourparler.model;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issues under negotiation. Outcomes are numbered densely in mixed radix, the first issue
 * most significant and the last varying fastest:
 * {@code index = ((v0 * n1 + v1) * n2 + v2) ...}.
 *
 * <pre>{@code
 * Domain d = Domain.of("laptop", List.of(brand, disk, screen));
 * BigInteger n = d.outcomeCount();              // exact, however large
 * int[] o = d.outcomeAt(5);                     // enumerable domains only
 * }</pre>
 */
public final class Domain {
    private final String name;
    private final List<Issue> issues;
    private final Map<String, Integer> byName;
    private final int[] sizes;
    private final BigInteger outcomeCount;

    private Domain(String name, List<Issue> issues) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A domain name must not be empty");
        }
        if (issues == null || issues.isEmpty()) {
            throw new IllegalArgumentException("Domain '" + name + "' has no issues");
        }
        this.name = name;
        this.issues = List.copyOf(issues);
        this.byName = new HashMap<>();
        this.sizes = new int[this.issues.size()];
        BigInteger count = BigInteger.ONE;
        for (int i = 0; i < sizes.length; i++) {
            Issue issue = this.issues.get(i);
            if (byName.putIfAbsent(issue.name(), i) != null) {
                throw new IllegalArgumentException("Domain '" + name + "' has two issues named '" + issue.name() + "'");
            }
            sizes[i] = issue.size();
            count = count.multiply(BigInteger.valueOf(sizes[i]));
        }
        this.outcomeCount = count;
    }

    public static Domain of(String name, List<? extends Issue> issues) {
        return new Domain(name, List.copyOf(issues));
    }

    public String name() { return name; }

    public List<Issue> issues() { return issues; }

    public int issueCount() { return sizes.length; }

    public Issue issue(int i) { return issues.get(i); }

    /** The index of the issue with this name, or -1. */
    public int issueIndex(String issueName) {
        Integer i = byName.get(issueName);
        return i == null ? -1 : i;
    }

    /** Number of options of each issue (a copy). */
    public int[] sizes() { return sizes.clone(); }

    /** The exact number of outcomes. */
    public BigInteger outcomeCount() { return outcomeCount; }

    /** Whether the outcomes can be numbered by a {@code long} and there are at most {@code limit} of them. */
    public boolean isEnumerable(long limit) {
        return outcomeCount.bitLength() < 63 && outcomeCount.longValue() <= limit;
    }

    /**
     * The outcome count as a {@code long}.
     *
     * @throws ArithmeticException naming the count when it does not fit
     */
    public long outcomeCountExact() {
        if (outcomeCount.bitLength() >= 63) {
            throw new ArithmeticException("Domain '" + name + "' has " + outcomeCount
                    + " outcomes, too many to number with a long");
        }
        return outcomeCount.longValue();
    }

    /** The option indexes of outcome number {@code index}. */
    public int[] outcomeAt(long index) {
        int[] out = new int[sizes.length];
        outcomeAt(index, out);
        return out;
    }

    /** Outcome number {@code index} (one array, not two: the hot path of agents' offers). */
    public Outcome outcome(long index) {
        return Outcome.owning(outcomeAt(index));
    }

    /** Writes the option indexes of outcome number {@code index} into {@code out}. */
    public void outcomeAt(long index, int[] out) {
        if (index < 0 || index >= outcomeCountExact()) {
            throw new IndexOutOfBoundsException("Outcome index " + index + " is outside 0.." + (outcomeCount.longValue() - 1));
        }
        for (int i = sizes.length - 1; i >= 0; i--) {
            out[i] = (int) (index % sizes[i]);
            index /= sizes[i];
        }
    }

    /** The option indexes of outcome number {@code index}, for domains of any size. */
    public int[] outcomeAt(BigInteger index) {
        if (index.signum() < 0 || index.compareTo(outcomeCount) >= 0) {
            throw new IndexOutOfBoundsException("Outcome index " + index + " is outside 0.." + outcomeCount.subtract(BigInteger.ONE));
        }
        int[] out = new int[sizes.length];
        for (int i = sizes.length - 1; i >= 0; i--) {
            BigInteger[] qr = index.divideAndRemainder(BigInteger.valueOf(sizes[i]));
            out[i] = qr[1].intValue();
            index = qr[0];
        }
        return out;
    }

    /** The number of the outcome with these option indexes (domain must be enumerable). */
    public long indexOf(int[] values) {
        checkOutcome(values);
        outcomeCountExact();
        long index = 0;
        for (int i = 0; i < sizes.length; i++) {
            index = index * sizes[i] + values[i];
        }
        return index;
    }

    /** The number of the outcome with these option indexes, for domains of any size. */
    public BigInteger bigIndexOf(int[] values) {
        checkOutcome(values);
        BigInteger index = BigInteger.ZERO;
        for (int i = 0; i < sizes.length; i++) {
            index = index.multiply(BigInteger.valueOf(sizes[i])).add(BigInteger.valueOf(values[i]));
        }
        return index;
    }

    /** Checks that {@code values} is an outcome of this domain. */
    public void checkOutcome(int[] values) {
        if (values.length != sizes.length) {
            throw new IllegalArgumentException("An outcome of domain '" + name + "' has " + sizes.length
                    + " values, but this one has " + values.length);
        }
        for (int i = 0; i < sizes.length; i++) {
            Issue.checkIndex(issues.get(i), values[i]);
        }
    }

    /** The outcome whose option labels are given per issue name; unknown names or labels are errors. */
    public int[] outcomeOf(Map<String, String> labels) {
        if (labels.size() != sizes.length) {
            throw new IllegalArgumentException("An outcome must give one option for each of the " + sizes.length
                    + " issues of domain '" + name + "', but " + labels.size() + " were given");
        }
        int[] out = new int[sizes.length];
        for (Map.Entry<String, String> e : labels.entrySet()) {
            int i = issueIndex(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("Domain '" + name + "' has no issue '" + e.getKey() + "'");
            }
            int v = issues.get(i).indexOf(e.getValue());
            if (v < 0) {
                throw new IllegalArgumentException("Issue '" + e.getKey() + "' has no option '" + e.getValue() + "'");
            }
            out[i] = v;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain d && d.name.equals(name) && d.issues.equals(issues);
    }

    @Override public int hashCode() { return name.hashCode() * 31 + issues.hashCode(); }

    @Override public String toString() { return "Domain " + name + " " + issues; }
}
