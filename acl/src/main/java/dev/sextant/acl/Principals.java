package dev.sextant.acl;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Everything one reader is, resolved at query time: the set an ACL is checked against. */
public record Principals(SortedSet<Principal> all) {

    public Principals {
        all = Collections.unmodifiableSortedSet(new TreeSet<>(all));
    }

    public static Principals of(Collection<Principal> principals) {
        return new Principals(new TreeSet<>(principals));
    }

    public static Principals of(Principal... principals) {
        return of(List.of(principals));
    }

    public boolean contains(Principal principal) {
        return all.contains(principal);
    }

    public Set<Principal> asSet() {
        return all;
    }

    public List<String> values() {
        return all.stream().map(Principal::value).toList();
    }
}
