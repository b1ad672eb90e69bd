package org.pourparler.model;

/**
 * What a provenance note is attached to, by name: the scenario, an issue, an option, a party, or
 * one of a party's numbers (a weight, an option's utility, the reservation value, the discount, a
 * red line). Unused parts are null.
 */
public record NoteTarget(Kind kind, String party, String issue, String option) {

    public enum Kind { SCENARIO, ISSUE, OPTION, PARTY, WEIGHT, UTILITY, RESERVATION, DISCOUNT, RED_LINE }

    public NoteTarget {
        if (kind == null) throw new IllegalArgumentException("A note target needs a kind");
    }

    public static NoteTarget scenario() { return new NoteTarget(Kind.SCENARIO, null, null, null); }
    public static NoteTarget issue(String issue) { return new NoteTarget(Kind.ISSUE, null, issue, null); }
    public static NoteTarget option(String issue, String option) { return new NoteTarget(Kind.OPTION, null, issue, option); }
    public static NoteTarget party(String party) { return new NoteTarget(Kind.PARTY, party, null, null); }
    public static NoteTarget weight(String party, String issue) { return new NoteTarget(Kind.WEIGHT, party, issue, null); }
    public static NoteTarget utility(String party, String issue, String option) { return new NoteTarget(Kind.UTILITY, party, issue, option); }
    public static NoteTarget reservation(String party) { return new NoteTarget(Kind.RESERVATION, party, null, null); }
    public static NoteTarget discount(String party) { return new NoteTarget(Kind.DISCOUNT, party, null, null); }
    /** A red line, named by its description in {@code option}. */
    public static NoteTarget redLine(String party, String description) { return new NoteTarget(Kind.RED_LINE, party, null, description); }

    /** A readable path such as {@code weight Kyiv/territory}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.name().toLowerCase().replace('_', '-'));
        String sep = " ";
        for (String s : new String[] {party, issue, option}) {
            if (s != null) {
                b.append(sep).append(s);
                sep = "/";
            }
        }
        return b.toString();
    }
}
