package dev.sextant.bench.scale;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexedChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A generated corpus of {@code chunks} chunks, no model: {@value #CHUNKS_PER_DOC} chunks a document, text drawn
 * from a Zipf vocabulary of {@value #VOCABULARY} words, unit vectors scattered around {@code clusters} random
 * centroids, and ACLs over {@code groups} group principals whose popularity is Zipf too: a tenth of the
 * documents public, the rest readable by one to three groups, a sixth of those also behind a second clause
 * (one of {@value #CLEARANCES} clearance groups). Every chunk, ACL and query is a pure function of the seed and
 * its number, so the exact search can regenerate them instead of holding a million vectors.
 */
final class SyntheticCorpus {

    static final int CHUNKS_PER_DOC = 4;
    static final int VOCABULARY = 50_000;
    static final int CLEARANCES = 50;
    static final String CONNECTOR = "scale";
    private static final int WORDS_PER_CHUNK = 100;
    private static final double CHUNK_NOISE = 0.6;
    private static final double QUERY_NOISE = 0.4;
    private static final String CONSONANTS = "bcdfghjklmnprstvz";
    private static final String VOWELS = "aeiou";

    /** A generated query: its text for BM25 and the vector the embedder stand-in returns for it. */
    record Query(String text, float[] vector) {
    }

    private final int chunks;
    private final int dimension;
    private final int groups;
    private final long seed;
    private final float[][] centroids;
    private final ZipfSampler words = new ZipfSampler(VOCABULARY, 1.0);
    private final ZipfSampler groupRanks;

    SyntheticCorpus(int chunks, int dimension, int clusters, int groups, long seed) {
        if (chunks < 1 || dimension < 2 || clusters < 1 || groups < CLEARANCES + 3) {
            throw new IllegalArgumentException("a corpus needs chunks >= 1, dimension >= 2, clusters >= 1 and groups >= "
                    + (CLEARANCES + 3) + "; got " + chunks + ", " + dimension + ", " + clusters + ", " + groups);
        }
        this.chunks = chunks;
        this.dimension = dimension;
        this.groups = groups;
        this.seed = seed;
        this.groupRanks = new ZipfSampler(groups, 1.0);
        SplittableRandom random = new SplittableRandom(seed);
        centroids = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centroids[c] = noisy(new float[dimension], 1.0, random);
        }
    }

    int chunks() {
        return chunks;
    }

    int dimension() {
        return dimension;
    }

    int documents() {
        return (chunks + CHUNKS_PER_DOC - 1) / CHUNKS_PER_DOC;
    }

    static String documentId(int doc) {
        return "scale:" + doc;
    }

    /** The first chunk number of document {@code doc}; its chunks are numbered on from there. */
    static int firstChunk(int doc) {
        return doc * CHUNKS_PER_DOC;
    }

    /** The chunks of document {@code doc}, as the indexer would hand them to the index. */
    List<IndexedChunk> document(int doc) {
        SplittableRandom random = random(1, doc);
        String title = words(random, 3);
        Acl acl = acl(doc);
        var source = new SourceDocument(documentId(doc), "synthetic", title, "", "https://scale.example/" + doc,
                Instant.ofEpochSecond(1_700_000_000L + doc), acl, "v1");
        int end = Math.min(firstChunk(doc) + CHUNKS_PER_DOC, chunks);
        List<IndexedChunk> out = new ArrayList<>(CHUNKS_PER_DOC);
        for (int chunk = firstChunk(doc); chunk < end; chunk++) {
            String text = words(random(2, chunk), WORDS_PER_CHUNK);
            out.add(new IndexedChunk(CONNECTOR, source, chunk - firstChunk(doc), new ChunkText("", text),
                    Integer.toHexString(text.hashCode()), vector(chunk)));
        }
        return out;
    }

    /** The unit vector of chunk {@code chunk}: a centroid plus Gaussian noise of norm about {@value #CHUNK_NOISE}. */
    float[] vector(int chunk) {
        SplittableRandom random = random(3, chunk);
        return noisy(centroids[random.nextInt(centroids.length)], CHUNK_NOISE, random);
    }

    /** Who may read document {@code doc}. */
    Acl acl(int doc) {
        SplittableRandom random = random(4, doc);
        if (random.nextInt(10) == 0) {
            return Acl.PUBLIC;
        }
        Set<Principal> anyOf = new HashSet<>();
        int n = 1 + random.nextInt(3);
        while (anyOf.size() < n) {
            anyOf.add(group(CLEARANCES + groupRanks.sample(random) % (groups - CLEARANCES)));
        }
        if (random.nextInt(6) != 0) {
            return Acl.of(AclClause.of(anyOf));
        }
        return Acl.of(AclClause.of(anyOf), AclClause.of(group(random.nextInt(CLEARANCES))));
    }

    /**
     * A reader in {@code memberships} groups (all clearances among them when it has at least
     * {@value #CLEARANCES}; else the first clearance and the most popular groups), plus {@code public}.
     */
    Principals reader(int memberships) {
        if (memberships < 1 || memberships > groups) {
            throw new IllegalArgumentException("a reader can be in 1 to " + groups + " groups, not " + memberships);
        }
        Set<Principal> all = new TreeSet<>();
        all.add(Principal.PUBLIC);
        all.add(Principal.user("reader" + memberships + "@scale.example"));
        SplittableRandom random = random(5, memberships);
        for (int c = 0; c < Math.min(memberships / 2, CLEARANCES); c++) {
            all.add(group(c));
        }
        all.add(group(0));
        while (all.size() < memberships + 2) {
            int rank = memberships <= 10 ? random.nextInt(20) : random.nextInt(groups - CLEARANCES);
            all.add(group(CLEARANCES + rank));
        }
        return Principals.of(all);
    }

    /** Query {@code i}: three words and a vector near one of the centroids. */
    Query query(int i) {
        SplittableRandom random = random(6, i);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 3; w++) {
            text.append(w == 0 ? "" : " ").append(word(100 + words.sample(random) % (VOCABULARY - 100)));
        }
        return new Query(text.toString(), noisy(centroids[random.nextInt(centroids.length)], QUERY_NOISE, random));
    }

    static Principal group(int id) {
        return Principal.group("idp", "g" + id);
    }

    /** The word of vocabulary rank {@code rank}: syllables spelling the rank, so every rank has its own. */
    static String word(int rank) {
        StringBuilder sb = new StringBuilder();
        int syllables = CONSONANTS.length() * VOWELS.length();
        int r = rank + syllables;
        while (r > 0) {
            int s = r % syllables;
            sb.append(CONSONANTS.charAt(s / VOWELS.length())).append(VOWELS.charAt(s % VOWELS.length()));
            r /= syllables;
        }
        return sb.toString();
    }

    private String words(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(word(words.sample(random)));
        }
        return sb.toString();
    }

    private SplittableRandom random(int stream, int n) {
        return new SplittableRandom(seed * 1_000_003L + stream * 0x9E3779B97F4A7C15L + n);
    }

    private float[] noisy(float[] center, double noise, SplittableRandom random) {
        float[] v = new float[dimension];
        double scale = noise / Math.sqrt(dimension);
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (center[d] + random.nextGaussian() * scale);
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dimension; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
