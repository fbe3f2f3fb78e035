package dev.sextant.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a passage's snippet (escaped HTML with {@code <mark>}) back into the text it shows. */
final class Snippets {

    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

    private Snippets() {
    }

    static String plainText(String snippetHtml) {
        String text = snippetHtml.replace("<mark>", "").replace("</mark>", "");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
                int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                yield Character.isValidCodePoint(code) ? Character.toString(code) : "\uFFFD";
            }
        };
    }
}
