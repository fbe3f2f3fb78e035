package dev.sextant.indexer.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * An index of an earlier layout or chunking, made with the same model, kept read-only while its successor is
 * rebuilt: it lends the vector of any chunk whose content hash it holds for the same document, so that only
 * text that really changed is embedded again. It reads only what every layout so far has: the document id
 * as an indexed keyword, the content hash as a stored field, the vector.
 */
final class VectorDonor {

    private final Path dir;
    private final DirectoryReader reader;

    private VectorDonor(Path dir, DirectoryReader reader) {
        this.dir = dir;
        this.reader = reader;
    }

    /** The donor in {@code dir}; an unreadable one is deleted and none is returned. */
    static VectorDonor open(Path dir) throws IOException {
        try {
            return new VectorDonor(dir, DirectoryReader.open(FSDirectory.open(dir)));
        } catch (IOException e) {
            delete(dir);
            return null;
        }
    }

    /** Content hash to vector for the document's chunks, as the donor has them. */
    synchronized Map<String, float[]> vectorsOf(String documentId) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexSchema.DOC_ID);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(new BytesRef(documentId))) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            var live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    vectors.put(LuceneIndex.contentHash(leaf, doc), LuceneIndex.vectorOf(leaf, doc));
                }
            }
        }
        return vectors;
    }

    synchronized void closeAndDelete() throws IOException {
        reader.close();
        delete(dir);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
