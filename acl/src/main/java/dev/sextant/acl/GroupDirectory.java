package dev.sextant.acl;

import java.util.Set;

/** Port: the source groups ({@code group:<source>:<id>}) whose synced membership contains a person. */
@FunctionalInterface
public interface GroupDirectory {

    GroupDirectory EMPTY = email -> Set.of();

    Set<Principal> groupsOf(String email);
}
