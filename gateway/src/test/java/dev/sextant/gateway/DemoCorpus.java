package dev.sextant.gateway;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.acl.IdentityDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The test's own oracle for the demo corpus: which document each reader may read, worked out from the
 * sidecar files directly, independently of the connector and the index.
 */
final class DemoCorpus {

    static final Path ROOT = Path.of("../demo/corpus").toAbsolutePath().normalize();

    /** Someone who signs in: a demo account, or one of {@link #EDGE_READERS}, which a test creates. */
    record Reader(String username, String email, Set<String> groups, String password) {
        Principals principals() {
            return new PrincipalResolver(IdentityDirectory.EMPTY).resolve(email, groups);
        }
    }

    static final List<Reader> READERS = List.of(
            reader("alice", "engineering"), reader("bob", "finance"), reader("carol", "hr"), reader("admin"));

    /**
     * Readers at the edges of the ACLs: erin is in finance but not named in payroll's second clause, dana is
     * named there but not in finance (each satisfies exactly one of payroll's two clauses), and mallory signs
     * in from outside the company's domain.
     */
    static final List<Reader> EDGE_READERS = List.of(
            new Reader("erin", "erin@northwind.example", Set.of("finance"), "edge-reader-password"),
            new Reader("dana", "dana@northwind.example", Set.of(), "edge-reader-password"),
            new Reader("mallory", "mallory@elsewhere.example", Set.of(), "edge-reader-password"));

    private DemoCorpus() {
    }

    private static Reader reader(String username, String... groups) {
        return new Reader(username, username + "@northwind.example", Set.of(groups), "demo");
    }

    /** Document id (as the filesystem connector makes it) to its ACL, for every indexable file. */
    static Map<String, Acl> documents() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            Map<String, Acl> docs = new TreeMap<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(md|txt|html|htm|pdf|docx)"))
                    .forEach(p -> docs.put("fs:" + p, aclOf(p.getParent())));
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path pathOf(String docId) {
        return Path.of(docId.substring("fs:".length()));
    }

    private static Acl aclOf(Path dir) {
        for (Path d = dir; d != null && d.startsWith(ROOT); d = d.getParent()) {
            Path sidecar = d.resolve(".sextant-acl");
            if (Files.exists(sidecar)) {
                try {
                    return AclFormat.parse(Files.readString(sidecar));
                } catch (IOException | AclSyntaxException e) {
                    return Acl.NONE;
                }
            }
        }
        return Acl.NONE;
    }
}
