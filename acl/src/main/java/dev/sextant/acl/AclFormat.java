package dev.sextant.acl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The text form of an ACL, used by sidecar files and stored fields: one clause a line, principals on a
 * line separated by commas and/or whitespace, {@code #} starts a comment line. Parsing is strict: any
 * principal that does not parse makes the whole text invalid, because guessing would widen access.
 */
public final class AclFormat {

    private AclFormat() {
    }

    public static Acl parse(String text) throws AclSyntaxException {
        List<AclClause> clauses = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            TreeSet<Principal> principals = new TreeSet<>();
            for (String token : line.split("[,\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                try {
                    principals.add(Principal.parse(token));
                } catch (IllegalArgumentException e) {
                    throw new AclSyntaxException("line " + (i + 1) + ": " + e.getMessage());
                }
            }
            clauses.add(new AclClause(principals));
        }
        if (clauses.isEmpty()) {
            throw new AclSyntaxException("no clause: an ACL needs at least one line of principals");
        }
        return new Acl(clauses);
    }

    /** Parses text that this code wrote itself; anything unreadable fails closed to {@link Acl#NONE}. */
    public static Acl parseOrNone(String text) {
        if (text == null) {
            return Acl.NONE;
        }
        try {
            return parse(text);
        } catch (AclSyntaxException e) {
            return Acl.NONE;
        }
    }
}
