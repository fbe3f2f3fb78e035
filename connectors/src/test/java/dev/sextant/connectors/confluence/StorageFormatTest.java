package dev.sextant.connectors.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageFormatTest {

    @Test
    void headingsTablesAndCodeMacrosSurvive() {
        String text = StorageFormat.toText("<h1>Runbook</h1><p>Restart&nbsp;the <strong>service</strong>.</p>"
                + "<table><tbody><tr><th>Host</th><th>Role</th></tr><tr><td>db1</td><td>primary</td></tr></tbody></table>"
                + "<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\"><ac:parameter ac:name=\"language\">bash"
                + "</ac:parameter><ac:plain-text-body><![CDATA[systemctl restart app\n  --force]]></ac:plain-text-body>"
                + "</ac:structured-macro><h2>Notes</h2><ul><li>one</li><li>two</li></ul>");
        assertThat(text).isEqualTo("# Runbook\nRestart the service.\nHost | Role\ndb1 | primary\n\n"
                + "```\nsystemctl restart app\n  --force\n```\n\n## Notes\n- one\n- two");
    }

    @Test
    void macrosKeepTheirBodyLinksTheirTextParametersAndImagesGo() {
        String text = StorageFormat.toText("<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">"
                + "Hidden param</ac:parameter><ac:rich-text-body><p>Read this.</p></ac:rich-text-body>"
                + "</ac:structured-macro><p>See <ac:link><ri:page ri:content-title=\"Setup guide\"/></ac:link> and "
                + "<ac:link><ri:page ri:content-title=\"Other\"/><ac:plain-text-link-body><![CDATA[the other page]]>"
                + "</ac:plain-text-link-body></ac:link>.<ac:image><ri:attachment ri:filename=\"x.png\"/></ac:image></p>");
        assertThat(text).isEqualTo("Read this.\nSee Setup guide and the other page.");
    }

    @Test
    void aBrokenFragmentIsStrippedOfTags() {
        assertThat(StorageFormat.toText("<p>unclosed <b>bold</p>")).isEqualTo("unclosed bold");
    }
}
