package org.pourparler.model;

import java.util.Arrays;
import java.util.List;

/**
 * Utility as a sum over groups of issues, each group valuing the combinations of its issues' options
 * jointly (GeniusWeb's SumOfGroupsUtilitySpace). Generalises linear-additive utility to
 * interactions inside a group.
 */
public final class SumOfGroupsUtility implements UtilityFunction {

    /** The most option combinations one group may tabulate. */
    public static final int MAX_GROUP_COMBINATIONS = 1 << 24;

    /**
     * One group: its name, its issues (domain indexes, distinct) and one utility per combination of
     * their options, in mixed radix with the first listed issue most significant.
     */
    public record Group(String name, int[] issues, double[] utilities) {
        public Group {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A group of issues needs a name");
            }
            issues = issues.clone();
            utilities = utilities.clone();
            if (issues.length == 0) {
                throw new IllegalArgumentException("Group '" + name + "' has no issues");
            }
            for (double u : utilities) {
                if (!Double.isFinite(u)) {
                    throw new IllegalArgumentException("Group '" + name + "' has a utility that is not a finite number: " + u);
                }
            }
        }

        @Override public int[] issues() { return issues.clone(); }
        @Override public double[] utilities() { return utilities.clone(); }

        /** The table position of an outcome's combination of this group's options. */
        public int position(Domain domain, int[] outcome) {
            int p = 0;
            for (int issue : issues) p = p * domain.issue(issue).size() + outcome[issue];
            return p;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && g.name.equals(name) && Arrays.equals(g.issues, issues)
                    && Arrays.equals(g.utilities, utilities);
        }

        @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(issues); }
        @Override public String toString() { return "Group " + name + Arrays.toString(issues); }
    }

    private final Domain domain;
    private final List<Group> groups;
    private final int[][] groupIssues;
    private final int[][] radix;
    private final double[][] tables;

    private SumOfGroupsUtility(Domain domain, List<Group> groups) {
        this.domain = domain;
        this.groups = List.copyOf(groups);
        int g = this.groups.size();
        groupIssues = new int[g][];
        radix = new int[g][];
        tables = new double[g][];
        for (int k = 0; k < g; k++) {
            Group group = this.groups.get(k);
            int[] is = group.issues();
            long combos = 1;
            int[] r = new int[is.length];
            boolean[] seen = new boolean[domain.issueCount()];
            for (int j = 0; j < is.length; j++) {
                if (is[j] < 0 || is[j] >= domain.issueCount()) {
                    throw new IllegalArgumentException("Group '" + group.name() + "' names issue " + is[j]
                            + ", outside the domain's " + domain.issueCount() + " issues");
                }
                if (seen[is[j]]) {
                    throw new IllegalArgumentException("Group '" + group.name() + "' lists issue '"
                            + domain.issue(is[j]).name() + "' twice");
                }
                seen[is[j]] = true;
                r[j] = domain.issue(is[j]).size();
                combos *= r[j];
                if (combos > MAX_GROUP_COMBINATIONS) {
                    throw new IllegalArgumentException("Group '" + group.name() + "' has more than "
                            + MAX_GROUP_COMBINATIONS + " option combinations");
                }
            }
            if (group.utilities().length != combos) {
                throw new IllegalArgumentException("Group '" + group.name() + "' has " + combos
                        + " option combinations, but " + group.utilities().length + " utilities were given");
            }
            groupIssues[k] = is;
            radix[k] = r;
            tables[k] = group.utilities();
        }
    }

    public static SumOfGroupsUtility of(Domain domain, List<Group> groups) {
        return new SumOfGroupsUtility(domain, groups);
    }

    @Override public Domain domain() { return domain; }
    @Override public String kind() { return "sum-of-groups"; }
    public List<Group> groups() { return groups; }

    @Override
    public double utility(int[] outcome) {
        double u = 0;
        for (int k = 0; k < tables.length; k++) {
            int[] is = groupIssues[k];
            int[] r = radix[k];
            int p = 0;
            for (int j = 0; j < is.length; j++) p = p * r[j] + outcome[is[j]];
            u += tables[k][p];
        }
        return u;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumOfGroupsUtility s && s.domain.equals(domain) && s.groups.equals(groups);
    }

    @Override public int hashCode() { return groups.hashCode(); }
}
