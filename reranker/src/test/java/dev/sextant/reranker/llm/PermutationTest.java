package dev.sextant.reranker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermutationTest {

    @Test
    void aWellFormedRankingIsReadAsIs() {
        assertThat(Permutation.parse("[3] > [1] > [2]", 3)).containsExactly(2, 0, 1);
    }

    @Test
    void missingIdsFollowInTheirPreviousOrder() {
        assertThat(Permutation.parse("[4] > [2]", 5)).containsExactly(3, 1, 0, 2, 4);
    }

    @Test
    void repeatedIdsCountOnceAndInventedOnesAreIgnored() {
        assertThat(Permutation.parse("[2] > [2] > [9] > [0] > [1] > [123456789012]", 3)).containsExactly(1, 0, 2);
    }

    @Test
    void garbageIsThePreviousOrder() {
        assertThat(Permutation.parse("I cannot help with ranking.", 3)).containsExactly(0, 1, 2);
        assertThat(Permutation.parse("", 2)).containsExactly(0, 1);
        assertThat(Permutation.parse(null, 2)).containsExactly(0, 1);
    }

    @Test
    void idsWithoutBracketsAreReadToo() {
        assertThat(Permutation.parse("Ranking: 2 > 3 > 1", 3)).containsExactly(1, 2, 0);
    }
}
