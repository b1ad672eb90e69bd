package org.pourparler.model;

/** An issue whose options are the integers {@code min..max}, inclusive. */
public record IntegerIssue(String name, long min, long max) implements Issue {

    public IntegerIssue {
        Issue.checkName(name);
        if (max < min) {
            throw new IllegalArgumentException("Issue '" + name + "': upper bound " + max
                    + " is below lower bound " + min);
        }
        long count = Math.subtractExact(max, min) + 1;
        if (count > MAX_OPTIONS) {
            throw new IllegalArgumentException("Issue '" + name + "' has " + count
                    + " options; at most " + MAX_OPTIONS + " are supported");
        }
    }

    @Override public Type type() { return Type.INTEGER; }
    @Override public int size() { return (int) (max - min + 1); }

    /** The integer at option {@code index}. */
    public long valueAt(int index) {
        Issue.checkIndex(this, index);
        return min + index;
    }

    @Override public String label(int index) { return Long.toString(valueAt(index)); }

    @Override
    public int indexOf(String label) {
        try {
            long v = Long.parseLong(label.trim());
            return v < min || v > max ? -1 : (int) (v - min);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override public double numericValue(int index) { return valueAt(index); }
}
