package dev.sextant.connectors.gdrive;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Drive's {@code q} search syntax the fake understands: terms joined by {@code and}, each one of
 * {@code trashed = true|false}, {@code 'me' in owners}, {@code '<id>' in parents}, {@code mimeType = '<type>'}
 * and {@code mimeType != '<type>'}. Anything else is refused, as Drive refuses a query it cannot parse.
 */
final class FakeDriveQuery {

    private static final Pattern TRASHED = Pattern.compile("trashed\\s*=\\s*(true|false)");
    private static final Pattern OWNERS = Pattern.compile("'([^']+)'\\s+in\\s+owners");
    private static final Pattern PARENTS = Pattern.compile("'([^']+)'\\s+in\\s+parents");
    private static final Pattern MIME = Pattern.compile("mimeType\\s*(!=|=)\\s*'([^']+)'");

    private FakeDriveQuery() {
    }

    static Predicate<FakeDriveData.File> parse(String q, String subject) {
        Predicate<FakeDriveData.File> all = f -> true;
        if (q.isBlank()) {
            return all;
        }
        for (String term : q.strip().split("\\s+and\\s+")) {
            all = all.and(term(term.strip(), subject));
        }
        return all;
    }

    private static Predicate<FakeDriveData.File> term(String term, String subject) {
        Matcher m;
        if ((m = TRASHED.matcher(term)).matches()) {
            boolean trashed = Boolean.parseBoolean(m.group(1));
            return f -> f.trashed == trashed;
        }
        if ((m = OWNERS.matcher(term)).matches()) {
            String owner = m.group(1).equals("me") ? subject : m.group(1);
            return f -> f.driveId == null && owner.equals(subject);
        }
        if ((m = PARENTS.matcher(term)).matches()) {
            String parent = m.group(1);
            return f -> parent.equals(f.parent) || (f.parent == null && parent.equals(f.driveId));
        }
        if ((m = MIME.matcher(term)).matches()) {
            boolean equal = m.group(1).equals("=");
            String type = m.group(2);
            return f -> f.mimeType.equals(type) == equal;
        }
        throw new IllegalArgumentException("unsupported query term: " + term);
    }
}
