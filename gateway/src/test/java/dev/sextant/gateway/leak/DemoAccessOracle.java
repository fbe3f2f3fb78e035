package dev.sextant.gateway.leak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who may read which demo document, read from the demo corpus's sidecar files with a parser of its own (not the
 * acl module's): a file takes the nearest {@code .sextant-acl} above it, one clause a line, principals split by
 * commas and spaces, {@code #} lines ignored; no sidecar, no reader. It also knows each text document's words, so
 * that a word found in a response but only in documents the reader may not read gives a leaked passage away.
 */
final class DemoAccessOracle {

    static final Path ROOT = Path.of("../demo/corpus").toAbsolutePath().normalize();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{5,}");
    private static final Pattern TEXT = Pattern.compile(".*\\.(md|txt|html|htm)");

    /** A demo account: its name, email and identity provider groups. */
    record Account(String username, String email, Set<String> groups) {

        Set<String> principals() {
            Set<String> mine = new HashSet<>();
            mine.add("user:" + email);
            mine.add("domain:" + email.substring(email.indexOf('@') + 1));
            mine.add("public");
            groups.forEach(g -> mine.add("group:idp:" + g));
            return mine;
        }
    }

    /** The demo accounts, as the README lists them (password {@code demo}). */
    static final List<Account> ACCOUNTS = List.of(account("alice", "engineering"), account("bob", "finance"),
            account("carol", "hr"), account("admin"));

    /** Document id (as the filesystem connector makes it) to its clauses. */
    final Map<String, List<Set<String>>> acls = new TreeMap<>();
    /** Document id to the words of its file name and text (of PDF and Word files, only the name's). */
    final Map<String, Set<String>> words = new HashMap<>();

    DemoAccessOracle() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !name.matches(".*\\.(md|txt|html|htm|pdf|docx)")) {
                    continue;
                }
                String id = "fs:" + p;
                acls.put(id, aclOf(p.getParent()));
                String fileName = name.replaceAll("[-_.]", " ");
                words.put(id, words(TEXT.matcher(name).matches() ? Files.readString(p) + " " + fileName : fileName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Account account(String username, String... groups) {
        return new Account(username, username + "@northwind.example", Set.of(groups));
    }

    boolean mayRead(Account account, String docId) {
        List<Set<String>> acl = acls.get(docId);
        if (acl == null || acl.isEmpty()) {
            return false;
        }
        Set<String> mine = account.principals();
        return acl.stream().allMatch(clause -> clause.stream().anyMatch(mine::contains));
    }

    Set<String> readable(Account account) {
        Set<String> readable = new HashSet<>();
        acls.keySet().stream().filter(id -> mayRead(account, id)).forEach(readable::add);
        return readable;
    }

    /** Words that occur in documents the account may not read and in none it may read. */
    Set<String> foreignWords(Account account) {
        Set<String> readableWords = new HashSet<>();
        Set<String> foreign = new HashSet<>();
        words.forEach((id, w) -> (mayRead(account, id) ? readableWords : foreign).addAll(w));
        foreign.removeAll(readableWords);
        return foreign;
    }

    static Set<String> words(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = WORD.matcher(text.replaceAll("(?i)</?mark>", " ").replaceAll("<[^>]*>", " ")
                .toLowerCase(Locale.ROOT));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<Set<String>> aclOf(Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(ROOT); d = d.getParent()) {
            Path sidecar = d.resolve(".sextant-acl");
            if (Files.exists(sidecar)) {
                List<Set<String>> clauses = new ArrayList<>();
                for (String line : Files.readAllLines(sidecar)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    Set<String> clause = new HashSet<>();
                    for (String token : l.split("[,\\s]+")) {
                        if (!token.isEmpty()) {
                            clause.add(token.toLowerCase(Locale.ROOT));
                        }
                    }
                    clauses.add(clause);
                }
                return clauses;
            }
        }
        return List.of();
    }
}
