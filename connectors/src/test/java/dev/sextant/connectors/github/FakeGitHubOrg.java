package dev.sextant.connectors.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link FakeGitHub} serves: one organisation with its users, owners, teams (nested by {@code parent}) and
 * repositories, each repository a linear history of commits (a path-to-blob map each, blob shas computed as git
 * does) with issues, pull requests and comments. Every mutator is what a person would do on github.com; callers
 * hold the server's lock through {@link FakeGitHub#edit}.
 */
public final class FakeGitHubOrg {

    public record User(long id, String login, String email) {
    }

    public static final class Team {
        final long id;
        final String slug;
        final String parent;
        final Set<Long> members = new LinkedHashSet<>();

        Team(long id, String slug, String parent) {
            this.id = id;
            this.slug = slug;
            this.parent = parent;
        }
    }

    public record Commit(String sha, SortedMap<String, String> files, Instant date) {
    }

    public static final class Issue {
        final long number;
        final long id;
        final long author;
        final boolean pull;
        final Instant created;
        String title;
        String body;
        String state = "open";
        Instant updated;
        int comments;

        Issue(long number, long id, long author, boolean pull, String title, String body, Instant at) {
            this.number = number;
            this.id = id;
            this.author = author;
            this.pull = pull;
            this.title = title;
            this.body = body;
            this.created = at;
            this.updated = at;
        }
    }

    public static final class Comment {
        final long id;
        final long issue;
        final long author;
        final Instant created;
        String body;
        Instant updated;

        Comment(long id, long issue, long author, String body, Instant at) {
            this.id = id;
            this.issue = issue;
            this.author = author;
            this.body = body;
            this.created = at;
            this.updated = at;
        }
    }

    public static final class Repo {
        final long id;
        final String name;
        String visibility;
        boolean archived;
        final String defaultBranch = "main";
        final Set<Long> collaborators = new LinkedHashSet<>();
        final Set<String> teams = new LinkedHashSet<>();
        final List<Commit> commits = new ArrayList<>();
        final SortedMap<Long, Issue> issues = new TreeMap<>();
        final List<Comment> comments = new ArrayList<>();

        Repo(long id, String name, String visibility) {
            this.id = id;
            this.name = name;
            this.visibility = visibility;
        }

        Commit head() {
            return commits.isEmpty() ? null : commits.getLast();
        }

        /** The commit's place in the (linear) history, or -1. */
        int indexOf(String sha) {
            for (int i = 0; i < commits.size(); i++) {
                if (commits.get(i).sha().equals(sha)) {
                    return i;
                }
            }
            return -1;
        }

        public long id() {
            return id;
        }
    }

    final String login;
    final long id = 9000;
    String defaultRepositoryPermission = "none";
    final Map<Long, User> users = new LinkedHashMap<>();
    final Set<Long> members = new LinkedHashSet<>();
    final Set<Long> owners = new LinkedHashSet<>();
    final Map<String, Team> teams = new LinkedHashMap<>();
    final Map<String, Repo> repos = new LinkedHashMap<>();
    final Map<String, byte[]> blobs = new HashMap<>();
    private long nextId = 100_000;

    FakeGitHubOrg(String login) {
        this.login = login;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public User user(String login, String email) {
        User user = new User(++nextId, login, email);
        users.put(user.id(), user);
        return user;
    }

    public User member(String login, String email) {
        User user = user(login, email);
        members.add(user.id());
        return user;
    }

    public void owner(User user) {
        members.add(user.id());
        owners.add(user.id());
    }

    public void team(String slug, String parent) {
        teams.put(slug, new Team(++nextId, slug, parent));
    }

    public void joinTeam(String slug, User user) {
        teams.get(slug).members.add(user.id());
    }

    public void leaveTeam(String slug, User user) {
        teams.get(slug).members.remove(user.id());
    }

    public Repo repo(String name, String visibility) {
        Repo repo = new Repo(++nextId, name, visibility);
        repos.put(name, repo);
        return repo;
    }

    public Repo repo(String name) {
        return repos.get(name);
    }

    public void deleteRepo(String name) {
        repos.remove(name);
    }

    /** One commit on the default branch: {@code changes} written (path to content), {@code removed} deleted. */
    public Commit commit(Repo repo, Map<String, byte[]> changes, Set<String> removed) {
        SortedMap<String, String> files = new TreeMap<>(repo.head() == null ? Map.of() : repo.head().files());
        removed.forEach(files::remove);
        changes.forEach((path, content) -> {
            String sha = blobSha(content);
            blobs.put(sha, content);
            files.put(path, sha);
        });
        String parent = repo.head() == null ? "" : repo.head().sha();
        Commit commit = new Commit(sha1("commit " + repo.id + parent + treeSha(files) + repo.commits.size()),
                files, now());
        repo.commits.add(commit);
        return commit;
    }

    public Issue issue(Repo repo, User author, String title, String body, boolean pull) {
        long number = repo.issues.isEmpty() ? 1 : repo.issues.lastKey() + 1;
        Issue issue = new Issue(number, ++nextId, author.id(), pull, title, body, now());
        repo.issues.put(number, issue);
        return issue;
    }

    /** A new comment, which GitHub counts as an update of its issue. */
    public Comment comment(Repo repo, Issue issue, User author, String body) {
        Comment comment = new Comment(++nextId, issue.number, author.id(), body, now());
        repo.comments.add(comment);
        issue.comments++;
        issue.updated = comment.created;
        return comment;
    }

    public void editIssue(Issue issue, String body) {
        issue.body = body;
        issue.updated = now();
    }

    /** A git blob's sha: SHA-1 of {@code "blob <size>\0"} and the content. */
    static String blobSha(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String treeSha(SortedMap<String, String> files) {
        StringBuilder listing = new StringBuilder("tree");
        files.forEach((path, sha) -> listing.append('\n').append(path).append(' ').append(sha));
        return sha1(listing.toString());
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
