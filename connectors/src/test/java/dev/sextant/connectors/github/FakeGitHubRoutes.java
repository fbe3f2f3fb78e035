package dev.sextant.connectors.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link FakeGitHub}'s endpoints: paths, parameters, bodies and errors as GitHub's REST reference gives them. */
final class FakeGitHubRoutes {

    record Reply(int status, Map<String, String> headers, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, Map.of(), body);
        }
    }

    private record TreeObject(SortedMap<String, String> files) {
    }

    private static final String HTML = "https://github.example/";
    private static final Pattern REPO = Pattern.compile("repos/([^/]+)/([^/]+)(/.*)?");

    private final FakeGitHub server;
    private final FakeGitHubOrg org;
    private final Map<String, TreeObject> trees = new LinkedHashMap<>();

    FakeGitHubRoutes(FakeGitHub server, FakeGitHubOrg org) {
        this.server = server;
        this.org = org;
    }

    Reply route(String method, String path, Map<String, String> q, String authorization) throws IOException {
        String bearer = authorization == null ? null : authorization.replaceFirst("^(?i)(bearer|token) ", "");
        if (path.equals("app") || path.startsWith("app/")) {
            String refused = FakeAppJwt.refusal(bearer, server.appId, server.appKey, server.clock.instant());
            if (refused != null) {
                return error(401, refused);
            }
            if (path.equals("app")) {
                return Reply.ok(Map.of("id", Long.parseLong(server.appId), "slug", "sextant", "name", "Sextant"));
            }
            Matcher m = Pattern.compile("app/installations/(\\d+)/access_tokens").matcher(path);
            if (m.matches() && "POST".equals(method)) {
                if (Long.parseLong(m.group(1)) != server.installationId) {
                    return error(404, "Not Found");
                }
                server.countTokenExchange();
                String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
                Instant expires = server.clock.instant().plus(server.installationTokenLifetime);
                server.installationTokens.put(token, expires);
                return new Reply(201, Map.of(), Map.of("token", token, "expires_at", expires.toString(),
                        "permissions", Map.of("contents", "read", "issues", "read", "members", "read", "metadata", "read"),
                        "repository_selection", "all"));
            }
            return error(404, "Not Found");
        }
        if (bearer == null) {
            return error(401, "Requires authentication");
        }
        boolean installation = server.installationTokens.containsKey(bearer);
        if (installation ? server.installationTokens.get(bearer).isBefore(server.clock.instant())
                : !server.tokens.containsKey(bearer)) {
            return error(401, "Bad credentials");
        }
        if (!"GET".equals(method)) {
            return error(404, "Not Found");
        }
        if (path.equals("user")) {
            if (installation) {
                return error(403, "Resource not accessible by integration");
            }
            return new Reply(200, Map.of("X-OAuth-Scopes", server.tokens.get(bearer), "X-Accepted-OAuth-Scopes", ""),
                    user(org.users.values().iterator().next()));
        }
        if (path.equals("installation/repositories")) {
            if (!installation) {
                return error(403, "Resource not accessible by personal access token");
            }
            return paged(path, q, repos(), items -> Map.of("total_count", org.repos.size(), "repositories", items));
        }
        String orgPath = "orgs/" + org.login;
        if (path.equalsIgnoreCase(orgPath)) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("login", org.login);
            o.put("id", org.id);
            o.put("html_url", HTML + org.login);
            o.put("default_repository_permission", org.defaultRepositoryPermission);
            return Reply.ok(o);
        }
        if (path.regionMatches(true, 0, orgPath + "/", 0, orgPath.length() + 1)) {
            return orgRoute(path.substring(orgPath.length() + 1), path, q);
        }
        if (path.startsWith("users/")) {
            String login = path.substring("users/".length());
            return org.users.values().stream().filter(u -> u.login().equalsIgnoreCase(login)).findFirst()
                    .map(u -> Reply.ok(user(u))).orElseGet(() -> error(404, "Not Found"));
        }
        Matcher repo = REPO.matcher(path);
        if (repo.matches() && repo.group(1).equalsIgnoreCase(org.login) && org.repos.containsKey(repo.group(2))) {
            return repoRoute(org.repos.get(repo.group(2)), repo.group(3) == null ? "" : repo.group(3), path, q);
        }
        return error(404, "Not Found");
    }

    private Reply orgRoute(String rest, String path, Map<String, String> q) {
        switch (rest) {
            case "repos" -> {
                return paged(path, q, repos(), null);
            }
            case "members" -> {
                String role = q.getOrDefault("role", "all");
                Set<Long> ids = role.equals("admin") ? org.owners : org.members;
                List<Object> users = new ArrayList<>();
                ids.stream().filter(id -> !role.equals("member") || !org.owners.contains(id))
                        .forEach(id -> users.add(user(org.users.get(id))));
                return paged(path, q, users, null);
            }
            case "teams" -> {
                List<Object> teams = new ArrayList<>();
                org.teams.values().forEach(t -> teams.add(team(t)));
                return paged(path, q, teams, null);
            }
            case "outside_collaborators" -> {
                Set<Long> outside = new LinkedHashSet<>();
                org.repos.values().forEach(r -> outside.addAll(r.collaborators));
                outside.removeAll(org.members);
                List<Object> users = new ArrayList<>();
                outside.forEach(id -> users.add(user(org.users.get(id))));
                return paged(path, q, users, null);
            }
            default -> {
                Matcher m = Pattern.compile("teams/([^/]+)/members").matcher(rest);
                if (m.matches() && org.teams.containsKey(m.group(1))) {
                    List<Object> users = new ArrayList<>();
                    withChildren(m.group(1)).forEach(id -> users.add(user(org.users.get(id))));
                    return paged(path, q, users, null);
                }
                return error(404, "Not Found");
            }
        }
    }

    /** "Team members will include the members of child teams." */
    private Set<Long> withChildren(String slug) {
        Set<Long> members = new LinkedHashSet<>(org.teams.get(slug).members);
        org.teams.values().stream().filter(t -> slug.equals(t.parent)).forEach(t -> members.addAll(withChildren(t.slug)));
        return members;
    }

    private Reply repoRoute(FakeGitHubOrg.Repo r, String rest, String path, Map<String, String> q) {
        Matcher m;
        if (rest.isEmpty()) {
            return Reply.ok(repo(r));
        }
        if ((m = Pattern.compile("/branches/(.+)").matcher(rest)).matches()) {
            if (!m.group(1).equals(r.defaultBranch) || r.head() == null) {
                return error(404, "Branch not found");
            }
            String tree = register(r.head().files());
            return Reply.ok(Map.of("name", r.defaultBranch, "protected", false, "commit", Map.of("sha", r.head().sha(),
                    "commit", Map.of("tree", Map.of("sha", tree)))));
        }
        if ((m = Pattern.compile("/git/trees/([^/]+)").matcher(rest)).matches()) {
            if (r.head() == null) {
                return error(409, "Git Repository is empty.");
            }
            String sha = m.group(1);
            TreeObject tree = sha.equals(r.defaultBranch) || sha.equals(r.head().sha())
                    ? trees.get(register(r.head().files())) : trees.get(sha);
            return tree == null ? error(404, "Not Found") : Reply.ok(tree(sha, tree, q.containsKey("recursive")));
        }
        if ((m = Pattern.compile("/git/blobs/([0-9a-f]{40})").matcher(rest)).matches()) {
            byte[] content = org.blobs.get(m.group(1));
            if (content == null) {
                return error(404, "Not Found");
            }
            server.countBlobRead();
            return Reply.ok(Map.of("sha", m.group(1), "size", content.length, "encoding", "base64",
                    "content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content)));
        }
        if ((m = Pattern.compile("/compare/([0-9a-f]+)\\.\\.\\.([0-9a-f]+)").matcher(rest)).matches()) {
            return compare(r, m.group(1), m.group(2));
        }
        switch (rest) {
            case "/collaborators" -> {
                List<Object> users = new ArrayList<>();
                r.collaborators.forEach(id -> users.add(user(org.users.get(id))));
                return paged(path, q, users, null);
            }
            case "/teams" -> {
                List<Object> teams = new ArrayList<>();
                r.teams.forEach(slug -> teams.add(team(org.teams.get(slug))));
                return paged(path, q, teams, null);
            }
            case "/issues" -> {
                String state = q.getOrDefault("state", "open");
                Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : Instant.MIN;
                Comparator<FakeGitHubOrg.Issue> order = "updated".equals(q.get("sort"))
                        ? Comparator.comparing((FakeGitHubOrg.Issue i) -> i.updated).thenComparing(i -> i.number)
                        : Comparator.comparing((FakeGitHubOrg.Issue i) -> i.number);
                List<FakeGitHubOrg.Issue> issues = r.issues.values().stream()
                        .filter(i -> state.equals("all") || i.state.equals(state)).filter(i -> !i.updated.isBefore(since))
                        .sorted("asc".equals(q.get("direction")) ? order : order.reversed()).toList();
                return paged(path, q, issues, i -> issue(r, i), null);
            }
            case "/issues/comments" -> {
                Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : Instant.MIN;
                Comparator<FakeGitHubOrg.Comment> order = "updated".equals(q.get("sort"))
                        ? Comparator.comparing((FakeGitHubOrg.Comment c) -> c.updated).thenComparing(c -> c.id)
                        : Comparator.comparing((FakeGitHubOrg.Comment c) -> c.id);
                List<FakeGitHubOrg.Comment> comments = r.comments.stream().filter(c -> !c.updated.isBefore(since))
                        .sorted(q.containsKey("sort") && "desc".equals(q.get("direction")) ? order.reversed() : order)
                        .toList();
                return paged(path, q, comments, c -> comment(r, c), null);
            }
            default -> {
                if ((m = Pattern.compile("/issues/(\\d+)(/comments)?").matcher(rest)).matches()) {
                    FakeGitHubOrg.Issue issue = r.issues.get(Long.parseLong(m.group(1)));
                    if (issue == null) {
                        return error(404, "Not Found");
                    }
                    if (m.group(2) == null) {
                        return Reply.ok(issue(r, issue));
                    }
                    List<Object> comments = new ArrayList<>();
                    r.comments.stream().filter(c -> c.issue == issue.number).forEach(c -> comments.add(comment(r, c)));
                    return paged(path, q, comments, null);
                }
                return error(404, "Not Found");
            }
        }
    }

    private Reply compare(FakeGitHubOrg.Repo r, String base, String head) {
        int b = r.indexOf(base);
        int h = r.indexOf(head);
        if (b < 0 || h < 0) {
            return error(404, "Not Found");
        }
        SortedMap<String, String> from = r.commits.get(b).files();
        SortedMap<String, String> to = r.commits.get(h).files();
        List<Object> files = new ArrayList<>();
        Set<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(to.keySet());
        for (String p : paths) {
            String status = !from.containsKey(p) ? "added" : !to.containsKey(p) ? "removed"
                    : from.get(p).equals(to.get(p)) ? null : "modified";
            if (status != null && files.size() < 300) {
                files.add(Map.of("sha", to.getOrDefault(p, from.get(p)), "filename", p, "status", status,
                        "additions", 0, "deletions", 0, "changes", 0));
            }
        }
        String status = b == h ? "identical" : b < h ? "ahead" : "behind";
        return Reply.ok(Map.of("status", status, "ahead_by", Math.max(0, h - b), "behind_by", Math.max(0, b - h),
                "total_commits", Math.max(0, h - b), "commits", List.of(), "files", files));
    }

    private String register(SortedMap<String, String> files) {
        String sha = FakeGitHubOrg.treeSha(files);
        trees.putIfAbsent(sha, new TreeObject(files));
        return sha;
    }

    /** One tree: its own entries, or with {@code recursive} every entry below it, cut at the entry limit. */
    private Map<String, Object> tree(String sha, TreeObject tree, boolean recursive) {
        List<Object> entries = new ArrayList<>();
        Map<String, SortedMap<String, String>> dirs = new TreeMap<>();
        tree.files().forEach((path, blob) -> {
            int slash = path.indexOf('/');
            if (recursive || slash < 0) {
                entries.add(Map.of("path", path, "mode", "100644", "type", "blob", "sha", blob,
                        "size", org.blobs.get(blob).length));
            }
            for (int at = path.indexOf('/'); at >= 0 && (recursive || at == slash); at = path.indexOf('/', at + 1)) {
                String dir = path.substring(0, at);
                dirs.computeIfAbsent(dir, d -> new TreeMap<>()).put(path.substring(at + 1), blob);
            }
        });
        dirs.forEach((dir, files) -> entries.add(Map.of("path", dir, "mode", "040000", "type", "tree",
                "sha", register(files))));
        boolean truncated = recursive && entries.size() > server.treeEntryLimit;
        return Map.of("sha", sha, "tree", truncated ? entries.subList(0, server.treeEntryLimit) : entries,
                "truncated", truncated);
    }

    private List<Object> repos() {
        List<Object> repos = new ArrayList<>();
        org.repos.values().forEach(r -> repos.add(repo(r)));
        return repos;
    }

    private Reply paged(String path, Map<String, String> q, List<Object> all,
                        Function<List<Object>, Object> wrap) {
        return paged(path, q, all, item -> item, wrap);
    }

    /** One page of {@code all}, only its items rendered, with GitHub's {@code Link} header. */
    private <T> Reply paged(String path, Map<String, String> q, List<T> all, Function<T, Object> render,
                            Function<List<Object>, Object> wrap) {
        int perPage = Math.min(server.maxPerPage, Integer.parseInt(q.getOrDefault("per_page", "30")));
        int page = Math.max(1, Integer.parseInt(q.getOrDefault("page", "1")));
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        List<Object> items = new ArrayList<>();
        all.subList(Math.min(all.size(), (page - 1) * perPage), Math.min(all.size(), page * perPage))
                .forEach(item -> items.add(render.apply(item)));
        String link = server.link(path, q, page, pages);
        return new Reply(200, link.isEmpty() ? Map.of() : Map.of("Link", link),
                wrap == null ? items : wrap.apply(items));
    }

    private Map<String, Object> repo(FakeGitHubOrg.Repo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("node_id", "R_" + r.id);
        m.put("name", r.name);
        m.put("full_name", org.login + "/" + r.name);
        m.put("private", !r.visibility.equals("public"));
        m.put("owner", Map.of("login", org.login, "id", org.id, "type", "Organization"));
        m.put("html_url", HTML + org.login + "/" + r.name);
        m.put("url", server.base() + "repos/" + org.login + "/" + r.name);
        m.put("fork", false);
        m.put("archived", r.archived);
        m.put("disabled", false);
        m.put("visibility", r.visibility);
        m.put("default_branch", r.defaultBranch);
        m.put("has_issues", true);
        m.put("pushed_at", r.head() == null ? null : r.head().date().toString());
        return m;
    }

    private Map<String, Object> user(FakeGitHubOrg.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", u.login());
        m.put("id", u.id());
        m.put("type", "User");
        m.put("site_admin", false);
        m.put("html_url", HTML + u.login());
        m.put("email", u.email());
        return m;
    }

    private Map<String, Object> team(FakeGitHubOrg.Team t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("slug", t.slug);
        m.put("name", t.slug);
        m.put("privacy", "closed");
        m.put("parent", t.parent == null ? null : team(org.teams.get(t.parent)));
        return m;
    }

    private Map<String, Object> issue(FakeGitHubOrg.Repo r, FakeGitHubOrg.Issue i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id);
        m.put("number", i.number);
        m.put("title", i.title);
        m.put("body", i.body);
        m.put("state", i.state);
        m.put("user", user(org.users.get(i.author)));
        m.put("comments", i.comments);
        m.put("created_at", i.created.toString());
        m.put("updated_at", i.updated.toString());
        m.put("html_url", HTML + org.login + "/" + r.name + (i.pull ? "/pull/" : "/issues/") + i.number);
        m.put("repository_url", server.base() + "repos/" + org.login + "/" + r.name);
        if (i.pull) {
            m.put("pull_request", Map.of("url", server.base() + "repos/" + org.login + "/" + r.name + "/pulls/" + i.number));
        }
        return m;
    }

    private Map<String, Object> comment(FakeGitHubOrg.Repo r, FakeGitHubOrg.Comment c) {
        return Map.of("id", c.id, "body", c.body, "user", user(org.users.get(c.author)),
                "created_at", c.created.toString(), "updated_at", c.updated.toString(),
                "issue_url", server.base() + "repos/" + org.login + "/" + r.name + "/issues/" + c.issue,
                "html_url", HTML + org.login + "/" + r.name + "/issues/" + c.issue + "#issuecomment-" + c.id);
    }

    private static Reply error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", FakeGitHub.DOCS);
        return new Reply(status, Map.of(), body);
    }
}
