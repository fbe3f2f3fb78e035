package dev.sextant.connectors.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a piece of Confluence content: the space's read permission (its users and groups) as one clause,
 * and one clause per restricted level, the content itself and every ancestor (page, or on Cloud folder) with read
 * restrictions of its own (a reader must pass each: Confluence's "restrictions are inherited" rule). The v1
 * restriction endpoint returns only a level's own restrictions, so the ancestors are walked here, from the parents
 * the listing gave, else from {@code GET /pages/{id}} / {@code GET /folders/{id}} (Cloud) or
 * {@code GET /rest/api/content/{id}?expand=ancestors} (Data Center). The space clause comes from v2
 * {@code /spaces/{id}/permissions} on Cloud and from {@code GET /rest/api/space/{key}/permissions} on Data Center
 * (documented from 9.1); where that answers 403, 404 or 405 the clause is empty and the content admits nobody. One
 * instance per sync: what it reads is cached for that sync only.
 */
final class ConfluencePermissions {

    static final String SOURCE = "confluence";
    private static final int MAX_DEPTH = 200;

    /** One level above a page: a page or a folder. */
    private record Level(String id, String type) {
    }

    private final ConfluenceApi api;
    private final boolean dataCenter;
    private final Map<String, AclClause> spaces = new HashMap<>();
    private final Map<String, Optional<AclClause>> restrictions = new HashMap<>();
    private final Map<String, Optional<Level>> parents = new HashMap<>();

    ConfluencePermissions(ConfluenceApi api, boolean dataCenter) {
        this.api = api;
        this.dataCenter = dataCenter;
    }

    /** Records a page's parent as a listing gave it (v2 {@code parentId}/{@code parentType}, v1 {@code ancestors}). */
    void parent(String pageId, JsonNode page) {
        parents.put(pageId, parentLevel(page));
    }

    /**
     * The ACL of a page or blog post of this space (on Data Center the space is named by its key): the space clause,
     * then the restricted levels from the topmost ancestor down to the content; {@link Acl#NONE} when the space
     * grants reading to no one, or its permissions could not be read.
     */
    Acl acl(String spaceId, String contentId, boolean page) throws IOException, InterruptedException {
        AclClause space = space(spaceId);
        if (space.anyOf().isEmpty()) {
            return Acl.NONE;
        }
        List<AclClause> levels = new ArrayList<>();
        Level at = new Level(contentId, page ? "page" : "blogpost");
        for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
            own(at.id()).ifPresent(levels::add);
            at = at.type().equals("blogpost") ? null : parentOf(at).orElse(null);
        }
        List<AclClause> clauses = new ArrayList<>(List.of(space));
        clauses.addAll(levels.reversed());
        return new Acl(clauses);
    }

    /** The id a user is known by in this deployment: Cloud account id, Data Center user key. */
    String userId(JsonNode user) {
        return user.path(dataCenter ? "userKey" : "accountId").asText("");
    }

    private AclClause space(String spaceId) throws IOException, InterruptedException {
        AclClause cached = spaces.get(spaceId);
        if (cached != null) {
            return cached;
        }
        Set<Principal> readers = new LinkedHashSet<>();
        if (dataCenter) {
            Optional<JsonNode> assignments = api.findPermitted(api.v1("/space/"
                    + URLEncoder.encode(spaceId, StandardCharsets.UTF_8) + "/permissions"));
            for (JsonNode assignment : assignments.map(a -> a.isArray() ? a : a.path("results"))
                    .orElse(api.emptyArray())) {
                JsonNode operation = assignment.path("operation");
                if ("read".equals(operation.path("operationKey").asText())
                        && "space".equals(operation.path("targetType").asText("space"))) {
                    dataCenterSubject(assignment.path("subject")).ifPresent(readers::add);
                }
            }
        } else {
            api.list("/wiki/api/v2/spaces/" + spaceId + "/permissions?limit=250", assignment -> {
                if ("read".equals(assignment.path("operation").path("key").asText())
                        && "space".equals(assignment.path("operation").path("targetType").asText("space"))) {
                    principal(assignment.path("principal").path("type").asText(),
                            assignment.path("principal").path("id").asText()).ifPresent(readers::add);
                }
            });
        }
        AclClause clause = new AclClause(new TreeSet<>(readers));
        spaces.put(spaceId, clause);
        return clause;
    }

    /**
     * A Data Center permission subject: a user by key, a group by name. The anonymous subject is not mapped (as on
     * Cloud): whether it reaches anyone depends on the site's global anonymous access, which the API does not say.
     */
    private static Optional<Principal> dataCenterSubject(JsonNode subject) {
        return switch (subject.path("type").asText()) {
            case "user" -> principal("user", subject.path("userKey").asText(subject.path("key").asText("")));
            case "group" -> principal("group", subject.path("name").asText(subject.path("groupName").asText("")));
            default -> Optional.empty();
        };
    }

    /** The content's own read restriction, if it has one: its users and groups, any of whom may read. */
    private Optional<AclClause> own(String contentId) throws IOException, InterruptedException {
        Optional<AclClause> cached = restrictions.get(contentId);
        if (cached != null) {
            return cached;
        }
        Optional<JsonNode> read = api.find(api.v1("/content/" + contentId
                + "/restriction/byOperation/read?expand=restrictions.user,restrictions.group"));
        Set<Principal> readers = new LinkedHashSet<>();
        if (read.isPresent()) {
            for (JsonNode user : read.get().path("restrictions").path("user").path("results")) {
                principal("user", userId(user)).ifPresent(readers::add);
            }
            for (JsonNode group : read.get().path("restrictions").path("group").path("results")) {
                principal("group", group.path("id").asText(group.path("name").asText())).ifPresent(readers::add);
            }
        }
        Optional<AclClause> clause = readers.isEmpty() ? Optional.empty() : Optional.of(new AclClause(new TreeSet<>(readers)));
        restrictions.put(contentId, clause);
        return clause;
    }

    private Optional<Level> parentOf(Level level) throws IOException, InterruptedException {
        Optional<Level> cached = parents.get(level.id());
        if (cached != null) {
            return cached;
        }
        String path;
        if (dataCenter) {
            path = api.v1("/content/" + level.id() + "?expand=ancestors");
        } else {
            path = "/wiki/api/v2/" + (level.type().equals("folder") ? "folders/" : "pages/") + level.id();
        }
        Optional<Level> parent = api.find(path).flatMap(ConfluencePermissions::parentLevel);
        parents.put(level.id(), parent);
        return parent;
    }

    private static Optional<Level> parentLevel(JsonNode content) {
        JsonNode ancestors = content.path("ancestors");
        if (ancestors.isArray() && !ancestors.isEmpty()) {
            JsonNode last = ancestors.get(ancestors.size() - 1);
            return Optional.of(new Level(last.path("id").asText(), last.path("type").asText("page")));
        }
        String parent = content.path("parentId").asText("");
        String type = content.path("parentType").asText("page");
        return parent.isEmpty() || !(type.equals("page") || type.equals("folder")) ? Optional.empty()
                : Optional.of(new Level(parent, type));
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
