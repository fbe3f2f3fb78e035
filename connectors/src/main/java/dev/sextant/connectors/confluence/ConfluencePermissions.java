package dev.sextant.connectors.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read a piece of Confluence content: the space's read permission (its users and groups) as one clause,
 * and one clause per restricted level, the content itself and every ancestor page with read restrictions of its own
 * (a reader must pass each: Confluence's "restrictions are inherited" rule). The v1 restriction endpoint returns
 * only a page's own restrictions, so the ancestors are walked here, from the parent ids the listing gave, else
 * from {@code GET /pages/{id}}. One instance per sync: what it reads is cached for that sync only.
 */
final class ConfluencePermissions {

    static final String SOURCE = "confluence";
    private static final int MAX_DEPTH = 200;

    private final ConfluenceApi api;
    private final Map<String, AclClause> spaces = new HashMap<>();
    private final Map<String, Optional<AclClause>> restrictions = new HashMap<>();
    private final Map<String, Optional<String>> parents = new HashMap<>();

    ConfluencePermissions(ConfluenceApi api) {
        this.api = api;
    }

    /** Records a page's parent as a listing gave it ({@code parentType} other than page ends the walk). */
    void parent(String pageId, JsonNode page) {
        parents.put(pageId, parentPage(page));
    }

    /**
     * The ACL of a page or blog post of this space: the space clause, then the restricted levels from the topmost
     * ancestor down to the content; {@link Acl#NONE} when the space grants reading to no one.
     */
    Acl acl(String spaceId, String contentId, boolean page) throws IOException, InterruptedException {
        AclClause space = space(spaceId);
        if (space.anyOf().isEmpty()) {
            return Acl.NONE;
        }
        List<AclClause> levels = new ArrayList<>();
        String at = contentId;
        for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
            own(at).ifPresent(levels::add);
            at = page ? parentOf(at).orElse(null) : null;
        }
        List<AclClause> clauses = new ArrayList<>(List.of(space));
        clauses.addAll(levels.reversed());
        return new Acl(clauses);
    }

    private AclClause space(String spaceId) throws IOException, InterruptedException {
        AclClause cached = spaces.get(spaceId);
        if (cached != null) {
            return cached;
        }
        Set<Principal> readers = new LinkedHashSet<>();
        api.list("/wiki/api/v2/spaces/" + spaceId + "/permissions?limit=250", assignment -> {
            if (!"read".equals(assignment.path("operation").path("key").asText())
                    || !"space".equals(assignment.path("operation").path("targetType").asText("space"))) {
                return;
            }
            principal(assignment.path("principal").path("type").asText(),
                    assignment.path("principal").path("id").asText()).ifPresent(readers::add);
        });
        AclClause clause = new AclClause(new java.util.TreeSet<>(readers));
        spaces.put(spaceId, clause);
        return clause;
    }

    /** The content's own read restriction, if it has one: its users and groups, any of whom may read. */
    private Optional<AclClause> own(String contentId) throws IOException, InterruptedException {
        Optional<AclClause> cached = restrictions.get(contentId);
        if (cached != null) {
            return cached;
        }
        Optional<JsonNode> read = api.find("/wiki/rest/api/content/" + contentId
                + "/restriction/byOperation/read?expand=restrictions.user,restrictions.group");
        Set<Principal> readers = new LinkedHashSet<>();
        if (read.isPresent()) {
            for (JsonNode user : read.get().path("restrictions").path("user").path("results")) {
                principal("user", user.path("accountId").asText()).ifPresent(readers::add);
            }
            for (JsonNode group : read.get().path("restrictions").path("group").path("results")) {
                String id = group.path("id").asText(group.path("name").asText());
                principal("group", id).ifPresent(readers::add);
            }
        }
        Optional<AclClause> clause = readers.isEmpty() ? Optional.empty()
                : Optional.of(new AclClause(new java.util.TreeSet<>(readers)));
        restrictions.put(contentId, clause);
        return clause;
    }

    private Optional<String> parentOf(String pageId) throws IOException, InterruptedException {
        Optional<String> cached = parents.get(pageId);
        if (cached != null) {
            return cached;
        }
        Optional<String> parent = api.find("/wiki/api/v2/pages/" + pageId).flatMap(ConfluencePermissions::parentPage);
        parents.put(pageId, parent);
        return parent;
    }

    private static Optional<String> parentPage(JsonNode page) {
        String parent = page.path("parentId").asText("");
        String type = page.path("parentType").asText("page");
        return parent.isEmpty() || !type.equals("page") ? Optional.empty() : Optional.of(parent);
    }

    static Optional<Principal> principal(String type, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return switch (type) {
            case "user" -> Optional.of(Principal.account(SOURCE, id));
            case "group" -> Optional.of(Principal.group(SOURCE, id));
            default -> Optional.empty();
        };
    }
}
