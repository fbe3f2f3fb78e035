package dev.sextant.acl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who may read a document: the reader must match at least one principal in <em>every</em> clause (an AND
 * of ORs). An ACL without clauses admits nobody, so an unknown or unparseable ACL is represented by
 * {@link #NONE} and fails closed.
 */
public record Acl(List<AclClause> clauses) {

    public static final Acl NONE = new Acl(List.of());
    public static final Acl PUBLIC = of(AclClause.of(Principal.PUBLIC));

    public Acl {
        clauses = List.copyOf(clauses);
    }

    public static Acl of(AclClause... clauses) {
        return new Acl(List.of(clauses));
    }

    public boolean admits(Principals reader) {
        if (clauses.isEmpty()) {
            return false;
        }
        for (AclClause clause : clauses) {
            if (!clause.admits(reader)) {
                return false;
            }
        }
        return true;
    }

    public boolean isNone() {
        return clauses.isEmpty();
    }

    /** This ACL with the other's clauses added: a reader needs to pass both. */
    public Acl and(Acl other) {
        List<AclClause> all = new ArrayList<>(clauses);
        all.addAll(other.clauses);
        return new Acl(all);
    }

    /** One clause a line, as {@link AclFormat} reads it back. */
    public String format() {
        return clauses.stream().map(AclClause::format).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return clauses.isEmpty() ? "Acl[none]" : "Acl[" + clauses.stream().map(AclClause::format)
                .map(c -> "(" + c + ")").collect(Collectors.joining(" AND ")) + "]";
    }
}
