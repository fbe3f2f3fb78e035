package dev.sextant.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationFilterTest {

    private static String streamed(CitationFilter filter, String... chunks) {
        StringBuilder out = new StringBuilder();
        for (String chunk : chunks) {
            out.append(filter.accept(chunk));
        }
        return out.append(filter.finish()).toString();
    }

    @Test
    void bracketsThatAreNotCitationsAreText() {
        CitationFilter filter = new CitationFilter(2);
        assertThat(streamed(filter, "see [", "note] and [[1", "] or [ ] or [2a] or [-1]"))
                .isEqualTo("see [note] and [[1] or [ ] or [2a] or [-1]");
        assertThat(filter.cited()).containsExactly(1);
        assertThat(filter.dropped()).isEmpty();
    }

    @Test
    void aNumberPastTheSourcesOrZeroOrHugeIsRemoved() {
        CitationFilter filter = new CitationFilter(3);
        assertThat(streamed(filter, "a [0] b [3] c [4", "] d [", "99999999999] e [2,3, 5]"))
                .isEqualTo("a  b [3] c  d  e [2, 3]");
        assertThat(filter.cited()).containsExactly(3, 2);
        assertThat(filter.dropped()).containsExactly("0", "4", "99999999999", "5");
        assertThat(filter.text()).isEqualTo("a  b [3] c  d  e [2, 3]");
    }

    @Test
    void nothingIsHeldBackButAnOpenBracket() {
        CitationFilter filter = new CitationFilter(1);
        assertThat(filter.accept("Runway is 26 months ")).isEqualTo("Runway is 26 months ");
        assertThat(filter.accept("[1")).isEmpty();
        assertThat(filter.accept("].")).isEqualTo("[1].");
        assertThat(filter.text()).isEqualTo("Runway is 26 months [1].");
    }
}
