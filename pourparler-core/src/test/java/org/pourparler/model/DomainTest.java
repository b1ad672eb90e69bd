package org.pourparler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DomainTest {

    private static Domain laptop() {
        return Domain.of("laptop", List.of(
                Issue.discrete("brand", List.of("Dell", "HP", "Mac")),
                Issue.integer("disk", 1, 4),
                Issue.real("screen", "13", "17", "2")));
    }

    @Test
    void countsOutcomesAsTheProductOfOptionCounts() {
        assertThat(laptop().outcomeCount()).isEqualTo(BigInteger.valueOf(3 * 4 * 3));
    }

    @Test
    void countsHugeDomainsExactly() {
        List<Issue> issues = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) issues.add(Issue.integer("i" + i, 0, 9));
        Domain d = Domain.of("big", issues);
        assertThat(d.outcomeCount()).isEqualTo(BigInteger.TEN.pow(40));
        assertThat(d.isEnumerable(Long.MAX_VALUE)).isFalse();
        assertThatThrownBy(d::outcomeCountExact).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("10000000000000000000000000000000000000000");
    }

    @Test
    void numbersOutcomesWithTheLastIssueFastest() {
        Domain d = laptop();
        assertThat(d.outcomeAt(0)).containsExactly(0, 0, 0);
        assertThat(d.outcomeAt(1)).containsExactly(0, 0, 1);
        assertThat(d.outcomeAt(3)).containsExactly(0, 1, 0);
        assertThat(d.outcomeAt(35)).containsExactly(2, 3, 2);
    }

    @Property
    void indexAndOutcomeAreInverse(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 7) Integer> sizes,
                                   @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        List<Issue> issues = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) issues.add(Issue.integer("i" + i, 0, sizes.get(i) - 1));
        Domain d = Domain.of("d", issues);
        long n = d.outcomeCountExact();
        long index = Math.floorMod(seed, n);
        int[] o = d.outcomeAt(index);
        assertThat(d.indexOf(o)).isEqualTo(index);
        assertThat(d.bigIndexOf(o)).isEqualTo(BigInteger.valueOf(index));
        assertThat(d.outcomeAt(BigInteger.valueOf(index))).containsExactly(o);
    }

    @Test
    void realIssueGridStopsAtTheLastPointNotAboveMax() {
        RealIssue r = Issue.real("share", "0", "1", "0.3");
        assertThat(r.size()).isEqualTo(4);
        assertThat(r.label(3)).isEqualTo("0.9");
        assertThat(r.indexOf("0.60")).isEqualTo(2);
        assertThat(r.indexOf("0.5")).isEqualTo(-1);
        assertThat(Issue.real("x", "1.0", "2.00", "0.50")).isEqualTo(Issue.real("x", "1", "2", "0.5"));
    }

    @Test
    void integerIssueLabelsAreTheIntegers() {
        IntegerIssue i = Issue.integer("price", -2, 2);
        assertThat(i.size()).isEqualTo(5);
        assertThat(i.label(0)).isEqualTo("-2");
        assertThat(i.indexOf("1")).isEqualTo(3);
        assertThat(i.indexOf("3")).isEqualTo(-1);
        assertThat(i.indexOf("x")).isEqualTo(-1);
    }

    @Test
    void rejectsDuplicateNamesAndEmptyDomains() {
        assertThatThrownBy(() -> Issue.discrete("a", List.of("x", "x"))).hasMessageContaining("option 'x' twice");
        assertThatThrownBy(() -> Domain.of("d", List.of(Issue.integer("a", 0, 1), Issue.integer("a", 0, 2))))
                .hasMessageContaining("two issues named 'a'");
        assertThatThrownBy(() -> Domain.of("d", Collections.emptyList())).hasMessageContaining("no issues");
        assertThatThrownBy(() -> Issue.discrete("a", List.of())).hasMessageContaining("at least one option");
        assertThatThrownBy(() -> Issue.integer("a", 0, 3_000_000_000L)).hasMessageContaining("at most");
    }

    @Test
    void findsOutcomesByLabels() {
        Domain d = laptop();
        assertThat(d.outcomeOf(Map.of("brand", "HP", "disk", "3", "screen", "15"))).containsExactly(1, 2, 1);
        assertThatThrownBy(() -> d.outcomeOf(Map.of("brand", "HP", "disk", "3", "size", "15")))
                .hasMessageContaining("no issue 'size'");
        assertThatThrownBy(() -> d.outcomeOf(Map.of("brand", "Acer", "disk", "3", "screen", "15")))
                .hasMessageContaining("no option 'Acer'");
    }
}
