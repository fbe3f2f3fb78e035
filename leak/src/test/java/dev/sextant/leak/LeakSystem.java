package dev.sextant.leak;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.HashEmbedder;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.TestProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.reranker.AccessGuard;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.SearchSettings;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The system under test, built from a {@link World}: a real {@link LuceneIndex} of its documents (vectors from
 * {@link HashEmbedder}), a {@link PrincipalResolver} over a {@link MemoryDirectory} synced from its links and
 * groups, and the {@link SearchPipeline} the gateway runs (hybrid) beside a BM25-only one whose totals are exact.
 * Every change goes to the world and to the system together, the way a sync would bring it.
 */
final class LeakSystem implements AutoCloseable {

    static final String CONNECTOR = "leak";

    final World world;
    final LuceneIndex index;
    final SearchPipeline hybrid;
    final SearchPipeline lexical;
    /** Candidates the index admitted but the guard refused: each is a hole in the index's own filter. */
    final List<Candidate> breaches = new CopyOnWriteArrayList<>();
    private final HashEmbedder embedder = new HashEmbedder();
    private volatile PrincipalResolver resolver;

    LeakSystem(World world, Path dir) throws IOException {
        this.world = world;
        this.index = LuceneIndex.open(dir, TestProfile.PROFILE);
        for (World.Doc doc : world.docs.values()) {
            write(doc);
        }
        index.commit(CONNECTOR, null);
        syncDirectory();
        AccessGuard guard = new AccessGuard(breaches::add);
        SearchSettings settings = SearchSettings.DEFAULTS;
        hybrid = new SearchPipeline(index, HybridRetriever.bm25AndDense(embedder, settings.fusionFunction()),
                RerankerCascade.passThrough(), guard, settings);
        lexical = new SearchPipeline(index, new Bm25Retriever(), RerankerCascade.passThrough(), guard, settings);
    }

    /** The person as the resolver sees them now. */
    Reader reader(World.Person person) {
        return new Reader(person, resolver.resolve(person.email(), person.idpGroups()));
    }

    static Acl acl(List<Set<String>> clauses) {
        List<AclClause> converted = new ArrayList<>();
        for (Set<String> clause : clauses) {
            converted.add(AclClause.of(clause.stream().map(Principal::parse).toList()));
        }
        return new Acl(converted);
    }

    /** The document gets a new ACL, in place (as an ACL-only sync writes it). */
    void changeAcl(int number, List<Set<String>> clauses) throws IOException {
        World.Doc doc = world.docs.get(number).withAcl(clauses);
        world.docs.put(number, doc);
        if (!index.updateAcl(doc.id(), acl(clauses), "v2")) {
            throw new IllegalStateException("the index has no " + doc.id() + " to re-permission");
        }
        index.refresh();
    }

    void delete(int number) throws IOException {
        World.Doc doc = world.docs.remove(number);
        index.delete(doc.id());
        index.refresh();
    }

    void removeMember(String group, String member) {
        if (!world.members.get(group).remove(member)) {
            throw new IllegalArgumentException(group + " has no member " + member);
        }
        syncDirectory();
    }

    void addMember(String group, String member) {
        world.members.get(group).add(member);
        syncDirectory();
    }

    void unlink(String email, String account) {
        if (!world.links.getOrDefault(email, new TreeSet<>()).remove(account)) {
            throw new IllegalArgumentException(email + " is not linked to " + account);
        }
        syncDirectory();
    }

    /** What a group or identity sync does: the directory is rebuilt from the world and swapped whole. */
    private void syncDirectory() {
        MemoryDirectory.Builder directory = MemoryDirectory.builder();
        world.links.forEach((email, accounts) -> accounts.forEach(a -> directory.link(email, Principal.parse(a))));
        world.members.forEach((group, members) -> members.forEach(m ->
                directory.member(Principal.parse(group), Principal.parse(m))));
        resolver = new PrincipalResolver(directory.build());
    }

    private void write(World.Doc doc) throws IOException {
        SourceDocument source = new SourceDocument(doc.id(), "leak", doc.title(), "",
                "https://leak.example/" + doc.id(), Instant.parse("2026-11-30T10:15:30Z"), acl(doc.acl()), "v1");
        List<ChunkText> texts = new ArrayList<>();
        for (int c = 0; c < doc.chunks().size(); c++) {
            texts.add(new ChunkText(doc.chunks().size() > 1 ? "Part " + (c + 1) : "", doc.chunks().get(c)));
        }
        List<float[]> vectors = embedder.embedPassages(texts.stream().map(t -> t.contextualized(doc.title())).toList());
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            chunks.add(new IndexedChunk(CONNECTOR, source, c, texts.get(c), doc.id() + "-h" + c, vectors.get(c)));
        }
        index.replace(doc.id(), chunks);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
