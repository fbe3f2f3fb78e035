package dev.sextant.gateway.access;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why someone may or may not read a document, from nothing but its ACL and their principals: the JSON of
 * {@code GET /api/admin/access}. It never carries the document's title or text.
 *
 * @param principals what the person is, as a search of theirs resolves them now
 * @param clauses    the document's ACL clause by clause, each with the principal that satisfies it, or null
 */
public record AccessExplanation(boolean allowed, List<String> principals, List<Clause> clauses, String reason) {

    /** @param satisfiedBy the first of the clause's principals the person holds; null when they hold none */
    public record Clause(List<String> clause, String satisfiedBy) {
    }

    /**
     * @param who   how the person is named in the reason
     * @param notes appended to the reason, e.g. what is not known about the person
     */
    public static AccessExplanation of(String who, String docId, Principals reader, Acl acl, String notes) {
        List<Clause> clauses = new ArrayList<>();
        List<Integer> failing = new ArrayList<>();
        for (AclClause c : acl.clauses()) {
            String satisfiedBy = c.anyOf().stream().filter(reader::contains).map(Principal::value).findFirst()
                    .orElse(null);
            clauses.add(new Clause(c.anyOf().stream().map(Principal::value).toList(), satisfiedBy));
            if (satisfiedBy == null) {
                failing.add(clauses.size());
            }
        }
        boolean allowed = acl.admits(reader);
        String reason;
        if (acl.isNone()) {
            reason = "nobody may read " + docId + ": its stored ACL has no clause or could not be read, and an "
                    + "unknown ACL admits no one";
        } else if (allowed) {
            reason = who + " may read " + docId + ": " + (clauses.size() == 1 ? "its one clause names"
                    : "each of its " + clauses.size() + " clauses names") + " a principal they hold";
        } else {
            reason = who + " may not read " + docId + ": " + failing.stream()
                    .map(n -> "clause " + n + " (" + String.join(", ", clauses.get(n - 1).clause()) + ")")
                    .collect(Collectors.joining(" and ")) + (failing.size() == 1 ? " names" : " name")
                    + " none of their principals; a reader must hold one principal of every clause";
        }
        return new AccessExplanation(allowed, reader.values(), List.copyOf(clauses),
                notes.isEmpty() ? reason : reason + ". " + notes);
    }
}
