package dev.sextant.connectors.mediawiki;

import java.util.Locale;
import java.util.Set;
import org.sweble.wikitext.parser.nodes.WtBold;
import org.sweble.wikitext.parser.nodes.WtDefinitionListDef;
import org.sweble.wikitext.parser.nodes.WtDefinitionListTerm;
import org.sweble.wikitext.parser.nodes.WtExternalLink;
import org.sweble.wikitext.parser.nodes.WtHorizontalRule;
import org.sweble.wikitext.parser.nodes.WtIgnored;
import org.sweble.wikitext.parser.nodes.WtImageLink;
import org.sweble.wikitext.parser.nodes.WtInternalLink;
import org.sweble.wikitext.parser.nodes.WtItalics;
import org.sweble.wikitext.parser.nodes.WtLinkOptions;
import org.sweble.wikitext.parser.nodes.WtListItem;
import org.sweble.wikitext.parser.nodes.WtNewline;
import org.sweble.wikitext.parser.nodes.WtNode;
import org.sweble.wikitext.parser.nodes.WtPageSwitch;
import org.sweble.wikitext.parser.nodes.WtParagraph;
import org.sweble.wikitext.parser.nodes.WtRedirect;
import org.sweble.wikitext.parser.nodes.WtSection;
import org.sweble.wikitext.parser.nodes.WtSemiPreLine;
import org.sweble.wikitext.parser.nodes.WtSignature;
import org.sweble.wikitext.parser.nodes.WtStringNode;
import org.sweble.wikitext.parser.nodes.WtTableCaption;
import org.sweble.wikitext.parser.nodes.WtTableCell;
import org.sweble.wikitext.parser.nodes.WtTableHeader;
import org.sweble.wikitext.parser.nodes.WtTableRow;
import org.sweble.wikitext.parser.nodes.WtTagExtension;
import org.sweble.wikitext.parser.nodes.WtTemplate;
import org.sweble.wikitext.parser.nodes.WtTemplateArgument;
import org.sweble.wikitext.parser.nodes.WtTemplateParameter;
import org.sweble.wikitext.parser.nodes.WtTicks;
import org.sweble.wikitext.parser.nodes.WtUrl;
import org.sweble.wikitext.parser.nodes.WtXmlAttributes;
import org.sweble.wikitext.parser.nodes.WtXmlCharRef;
import org.sweble.wikitext.parser.nodes.WtXmlComment;
import org.sweble.wikitext.parser.nodes.WtXmlEntityRef;
import org.sweble.wikitext.parser.utils.NonExpandingParser;

/**
 * Wikitext to the plain text the index reads, with Sweble's parser (no template expansion): templates, magic
 * words, comments, references and categories dropped; link text kept (the label, else the target); headings
 * as Markdown {@code #} lines of their level, so that the chunker sees the page's structure; list items, table
 * rows and cells on their own lines. Input past {@link #MAX_CHARS} is cut there (MediaWiki's own default page
 * limit is 2 MiB).
 */
final class WikitextText {

    static final int MAX_CHARS = 2 * 1024 * 1024;

    /** Tag extensions whose body is text a reader sees. */
    private static final Set<String> TEXT_TAGS = Set.of("nowiki", "pre", "source", "syntaxhighlight", "code",
            "poem", "blockquote", "math", "chem");
    private static final Set<String> HIDDEN_LINK_NAMESPACES = Set.of("category", "file", "image", "media");

    /** Building a parser costs more than parsing a short page; one per thread, since a parser keeps state. */
    private static final ThreadLocal<NonExpandingParser> PARSER = ThreadLocal.withInitial(NonExpandingParser::new);

    private WikitextText() {
    }

    /** The page's text; a page Sweble cannot parse comes back as its raw wikitext rather than not at all. */
    static String toText(String wikitext, String title) {
        String source = wikitext.length() > MAX_CHARS ? wikitext.substring(0, MAX_CHARS) : wikitext;
        try {
            WtNode page = PARSER.get().parseArticle(source, title);
            StringBuilder out = new StringBuilder(source.length());
            new Writer(out).write(page);
            return tidy(out);
        } catch (Exception | StackOverflowError e) {
            return source;
        }
    }

    private record Writer(StringBuilder out) {

        void write(WtNode node) {
            switch (node) {
                case WtSection section -> {
                    newLine();
                    out.append("#".repeat(Math.max(1, Math.min(6, section.getLevel())))).append(' ');
                    int from = out.length();
                    children(section.getHeading());
                    collapseLine(from);
                    out.append("\n\n");
                    if (section.hasBody()) {
                        children(section.getBody());
                    }
                }
                case WtTemplate t -> { }
                case WtTemplateParameter p -> { }
                case WtTemplateArgument a -> { }
                case WtXmlComment c -> { }
                case WtIgnored i -> { }
                case WtPageSwitch s -> { }
                case WtSignature s -> { }
                case WtRedirect r -> { }
                case WtTicks t -> { }
                case WtXmlAttributes a -> { }
                case WtLinkOptions o -> { }
                case WtImageLink image -> {
                    if (image.hasTitle()) {
                        children(image.getTitle());
                    }
                }
                case WtInternalLink link -> internalLink(link);
                case WtExternalLink link -> {
                    if (link.hasTitle()) {
                        children(link.getTitle());
                    } else {
                        url(link.getTarget());
                    }
                }
                case WtUrl url -> url(url);
                case WtTagExtension tag -> {
                    if (TEXT_TAGS.contains(tag.getName().toLowerCase(Locale.ROOT)) && tag.hasBody()) {
                        out.append(tag.getBody().getContent());
                    }
                }
                case WtXmlEntityRef entity -> out.append(entity.getResolved() == null ? "" : entity.getResolved());
                case WtXmlCharRef ref -> out.appendCodePoint(ref.getCodePoint());
                case WtNewline n -> out.append('\n');
                case WtHorizontalRule r -> newLine();
                case WtParagraph p -> {
                    children(p);
                    out.append("\n\n");
                }
                case WtListItem item -> line("- ", item);
                case WtDefinitionListTerm term -> line("", term);
                case WtDefinitionListDef def -> line("  ", def);
                case WtSemiPreLine pre -> line("", pre);
                case WtTableCaption caption -> line("", caption.getBody());
                case WtTableRow row -> {
                    newLine();
                    children(row.getBody());
                    newLine();
                }
                case WtTableHeader cell -> cell(cell.getBody());
                case WtTableCell cell -> cell(cell.getBody());
                case WtBold b -> children(b);
                case WtItalics i -> children(i);
                case WtStringNode text -> out.append(text.getContent());
                default -> children(node);
            }
        }

        private void internalLink(WtInternalLink link) {
            String target = plain(link.getTarget()).strip();
            int colon = target.indexOf(':');
            if (colon > 0 && !target.startsWith(":")
                    && HIDDEN_LINK_NAMESPACES.contains(target.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                return;
            }
            out.append(link.getPrefix());
            if (link.hasTitle()) {
                children(link.getTitle());
            } else {
                out.append(target.startsWith(":") ? target.substring(1) : target);
            }
            out.append(link.getPostfix());
        }

        private void url(WtUrl url) {
            out.append(url.getProtocol()).append(':').append(url.getPath());
        }

        private void cell(WtNode body) {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append(" | ");
            }
            int from = out.length();
            children(body);
            collapseLine(from);
        }

        private void line(String prefix, WtNode node) {
            newLine();
            out.append(prefix);
            children(node);
            newLine();
        }

        private void children(WtNode node) {
            for (WtNode child : node) {
                write(child);
            }
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        /** A heading or table cell stays on one line. */
        private void collapseLine(int from) {
            for (int i = from; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            String line = out.substring(from).strip();
            out.setLength(from);
            out.append(line);
        }
    }

    private static String plain(WtNode node) {
        if (node instanceof WtStringNode text) {
            return text.getContent();
        }
        StringBuilder s = new StringBuilder();
        for (WtNode child : node) {
            s.append(plain(child));
        }
        return s.toString();
    }

    /** Runs of spaces down to one, lines stripped, runs of blank lines down to one. */
    private static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.toString().split("\n", -1)) {
            String l = line.strip().replaceAll("[ \\t]{2,}", " ");
            if (l.isBlank()) {
                if (++blank == 1 && !out.isEmpty()) {
                    out.append('\n');
                }
            } else {
                blank = 0;
                out.append(l).append('\n');
            }
        }
        return out.toString().strip();
    }
}
