package dev.sextant.connectors.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikitextTextTest {

    @Test
    void templatesCommentsAndCategoriesGoLinkTextStays() {
        String text = WikitextText.toText("Intro {{Infobox person|name=Ann|born={{birth date|1970}}}} met "
                + "[[Bob Smith|Bob]] and [[Carol]]s at [https://example.com the site] <!-- hidden -->"
                + "[[Category:People]] [[File:Face.png|thumb|A face]]", "T");
        assertThat(text).isEqualTo("Intro met Bob and Carols at the site\n\nA face");
    }

    @Test
    void headingsBecomeMarkdownHeadingsOfTheirLevel() {
        String text = WikitextText.toText("Lead.\n== History ==\nOld.\n=== Early ''days'' ===\nVery old.\n", "T");
        assertThat(text).isEqualTo("Lead.\n\n## History\n\nOld.\n\n### Early days\n\nVery old.");
    }

    @Test
    void listsTablesAndEntitiesAreReadable() {
        String text = WikitextText.toText("* one\n* two &amp; three\n{|\n! Name !! Role\n|-\n| Ann || Lead\n|}\n"
                + "<nowiki>[[not a link]]</nowiki> <ref>a footnote</ref>", "T");
        assertThat(text).contains("- one", "- two & three", "Name | Role", "Ann | Lead", "[[not a link]]")
                .doesNotContain("{|", "||", "!!");
    }

    @Test
    void aRedirectHasNoText() {
        assertThat(WikitextText.toText("#REDIRECT [[Elsewhere]]", "T")).doesNotContain("REDIRECT");
    }
}
