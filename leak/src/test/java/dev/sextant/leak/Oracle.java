package dev.sextant.leak;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read what, decided from the {@link World} alone, written apart from the acl module and the index
 * filter on purpose: a person is their email, its domain, {@code public}, the accounts linked to the email,
 * their identity provider's groups, and every group whose members include any of these, to a fixed point
 * (nesting of any depth, cycles included). A document admits them when its ACL has clauses and each clause
 * names at least one of those.
 */
final class Oracle {

    private final World world;

    Oracle(World world) {
        this.world = world;
    }

    Set<String> principalsOf(World.Person person) {
        Set<String> mine = new HashSet<>();
        mine.add("user:" + person.email());
        mine.add("domain:" + person.domain());
        mine.add(World.PUBLIC);
        mine.addAll(world.links.getOrDefault(person.email(), Set.of()));
        person.idpGroups().forEach(g -> mine.add("group:idp:" + g));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> group : world.members.entrySet()) {
                if (!mine.contains(group.getKey()) && group.getValue().stream().anyMatch(mine::contains)) {
                    mine.add(group.getKey());
                    grew = true;
                }
            }
        }
        return mine;
    }

    boolean mayRead(Set<String> principals, World.Doc doc) {
        if (doc.acl().isEmpty()) {
            return false;
        }
        for (Set<String> clause : doc.acl()) {
            if (clause.stream().noneMatch(principals::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The numbers of the documents the person may read, as the world is now. */
    Set<Integer> readable(World.Person person) {
        Set<String> principals = principalsOf(person);
        Set<Integer> readable = new TreeSet<>();
        for (World.Doc doc : world.docs.values()) {
            if (mayRead(principals, doc)) {
                readable.add(doc.number());
            }
        }
        return readable;
    }
}
