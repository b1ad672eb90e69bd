package org.pourparler.model;

import java.util.Arrays;
import java.util.List;

/**
 * A combination of options a party will never accept, whatever its utility: an outcome crosses
 * the red line when, on every issue the red line names, it takes one of the listed options.
 *
 * <pre>{@code
 * // "never cede territory and forgo NATO membership together"
 * RedLine r = RedLine.of("no territory-for-nothing",
 *         List.of(new RedLine.Condition(territory, new int[] {2}), new RedLine.Condition(nato, new int[] {0})));
 * }</pre>
 */
public record RedLine(String description, List<Condition> conditions) {

    /** On issue {@code issue}, one of the option indexes {@code options}. */
    public record Condition(int issue, int[] options) {
        public Condition {
            options = options.clone();
            if (options.length == 0) {
                throw new IllegalArgumentException("A red-line condition on issue " + issue + " lists no options");
            }
            Arrays.sort(options);
        }

        @Override public int[] options() { return options.clone(); }

        public boolean matches(int[] outcome) {
            return Arrays.binarySearch(options, outcome[issue]) >= 0;
        }

        @Override public boolean equals(Object o) { return o instanceof Condition c && c.issue == issue && Arrays.equals(c.options, options); }
        @Override public int hashCode() { return issue * 31 + Arrays.hashCode(options); }
        @Override public String toString() { return "issue " + issue + " in " + Arrays.toString(options); }
    }

    public RedLine {
        if (description == null) description = "";
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("Red line '" + description + "' has no conditions");
        }
        boolean[] seen = new boolean[conditions.stream().mapToInt(Condition::issue).max().orElse(0) + 1];
        for (Condition c : conditions) {
            if (c.issue() < 0) throw new IllegalArgumentException("Red line '" + description + "' names issue " + c.issue());
            if (seen[c.issue()]) {
                throw new IllegalArgumentException("Red line '" + description + "' has two conditions on issue " + c.issue());
            }
            seen[c.issue()] = true;
        }
    }

    public static RedLine of(String description, List<Condition> conditions) {
        return new RedLine(description, conditions);
    }

    /** Whether the outcome crosses this red line. */
    public boolean crossedBy(int[] outcome) {
        for (Condition c : conditions) {
            if (!c.matches(outcome)) return false;
        }
        return true;
    }

    /** Checks that every condition names an issue and options of {@code domain}. */
    public void checkFits(Domain domain) {
        for (Condition c : conditions) {
            if (c.issue() >= domain.issueCount()) {
                throw new IllegalArgumentException("Red line '" + description + "' names issue " + c.issue()
                        + ", but domain '" + domain.name() + "' has " + domain.issueCount() + " issues");
            }
            for (int v : c.options) Issue.checkIndex(domain.issue(c.issue()), v);
        }
    }
}
