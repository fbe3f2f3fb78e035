package dev.sextant.connectors.confluence;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Confluence storage format (XHTML with {@code ac:} and {@code ri:} elements) to plain text: headings as Markdown
 * {@code #} lines, list items and table rows on lines of their own (cells joined by {@code |}), the code macro
 * ({@code ac:structured-macro ac:name="code"}) as a fenced block of its plain-text body, other macros reduced to
 * their rich-text body, macro parameters and images dropped, a link to a page shown by its link text or the page's
 * title. Named HTML entities, which the fragment uses without declaring, are resolved first; a fragment that is
 * still not well-formed is stripped of its tags instead.
 */
final class StorageFormat {

    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("nbsp", " "),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("rsquo", "’"),
            Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("copy", "©"),
            Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("euro", "€"), Map.entry("bull", "•"),
            Map.entry("middot", "·"), Map.entry("times", "×"), Map.entry("rarr", "→"), Map.entry("larr", "←"));
    private static final Pattern ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]{1,10});");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,10000}>");

    private StorageFormat() {
    }

    static String toText(String storage) {
        String xml = "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/"
                + "identifier\" xmlns:at=\"http://atlassian.com/template\">" + entities(storage) + "</root>";
        try {
            return tidy(convert(xml));
        } catch (XMLStreamException e) {
            return tidy(TAG.matcher(storage).replaceAll(" "));
        }
    }

    private static String entities(String storage) {
        Matcher m = ENTITY.matcher(storage);
        StringBuilder out = new StringBuilder(storage.length());
        while (m.find()) {
            String name = m.group(1);
            String keep = switch (name) {
                case "amp", "lt", "gt", "quot", "apos" -> "&" + name + ";";
                default -> ENTITIES.getOrDefault(name, " ");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String convert(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        StringBuilder out = new StringBuilder(xml.length());
        Deque<String> open = new ArrayDeque<>();
        int hidden = 0;
        boolean linkHasBody = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = qualified(r);
                open.push(name);
                if (hidden > 0 || name.equals("ac:parameter") || name.equals("ac:image") || name.equals("ri:attachment")
                        && !open.contains("ac:link")) {
                    hidden++;
                    continue;
                }
                switch (name) {
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                        newLine(out);
                        out.append("\n").append("#".repeat(name.charAt(1) - '0')).append(' ');
                    }
                    case "p", "div", "tr", "blockquote", "br", "table", "ul", "ol" -> newLine(out);
                    case "li" -> {
                        newLine(out);
                        out.append("- ");
                    }
                    case "td", "th" -> {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append(" | ");
                        }
                    }
                    case "ac:structured-macro", "ac:macro" -> {
                        if ("code".equals(attribute(r, "name"))) {
                            newLine(out);
                            out.append("```\n");
                        }
                    }
                    case "ac:link" -> linkHasBody = false;
                    case "ac:link-body", "ac:plain-text-link-body" -> linkHasBody = true;
                    case "ri:page", "ri:blog-post" -> {
                        if (open.contains("ac:link")) {
                            String title = attribute(r, "content-title");
                            out.append(title == null ? "" : "\u0000" + title + "\u0001");
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = open.pop();
                if (hidden > 0) {
                    hidden--;
                    continue;
                }
                switch (name) {
                    case "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "tr", "blockquote", "pre", "table" ->
                            out.append('\n');
                    case "ac:structured-macro", "ac:macro" -> {
                        int fence = out.lastIndexOf("```\n");
                        if (fence >= 0 && out.indexOf("\n```", fence + 3) < 0 && fence == lastOpenFence(out)) {
                            newLine(out);
                            out.append("```\n");
                        }
                    }
                    case "ac:link" -> {
                        int start = out.lastIndexOf("\u0000");
                        int end = out.lastIndexOf("\u0001");
                        if (start >= 0 && end > start) {
                            if (linkHasBody) {
                                out.delete(start, end + 1);
                            } else {
                                out.deleteCharAt(end).deleteCharAt(start);
                            }
                        }
                    }
                    default -> { }
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && hidden == 0) {
                out.append(r.getText());
            }
        }
        return out.toString().replace("\u0000", "").replace("\u0001", "");
    }

    /** The fence a code macro opened, if it is still open: fences come in pairs. */
    private static int lastOpenFence(StringBuilder out) {
        int count = 0;
        int last = -1;
        for (int i = out.indexOf("```\n"); i >= 0; i = out.indexOf("```\n", i + 4)) {
            count++;
            last = i;
        }
        return count % 2 == 1 ? last : -2;
    }

    private static String qualified(XMLStreamReader r) {
        String prefix = r.getPrefix();
        return prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
    }

    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Inside a fenced block lines stay as they are; elsewhere spaces collapse and blank lines go down to one. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean code = false;
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals("```")) {
                code = !code;
                out.append("```\n");
                blank = 0;
                continue;
            }
            String l = code ? line.stripTrailing() : line.strip().replaceAll("[ \\t\\u00A0]{2,}", " ");
            if (l.isBlank() && !code) {
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
