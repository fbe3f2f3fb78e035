package dev.sextant.acl;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One clause of an {@link Acl}: the reader must be at least one of these principals. */
public record AclClause(SortedSet<Principal> anyOf) {

    public AclClause {
        anyOf = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(anyOf));
    }

    public static AclClause of(Principal... principals) {
        return new AclClause(new TreeSet<>(Set.of(principals)));
    }

    public static AclClause of(Collection<Principal> principals) {
        return new AclClause(new TreeSet<>(principals));
    }

    public boolean admits(Principals reader) {
        for (Principal p : anyOf) {
            if (reader.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The clause as one line of the sidecar / stored format: principals separated by single spaces. */
    public String format() {
        return anyOf.stream().map(Principal::value).collect(Collectors.joining(" "));
    }
}
