package dev.sextant.bench.scale;

import dev.sextant.indexer.lucene.IndexSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * Rewrites a production index, the same {@code IndexSchema} documents and commit data, into one segment whose
 * {@code vector} field uses a quantized HNSW format. The codec keeps the default codec's name, so the index
 * opens with {@code LuceneIndex} as any other: the per-field format is recorded in the segment.
 */
final class QuantizedCopy {

    /** The vector encodings compared; {@code FLOAT} is the production format and needs no copy. */
    enum Encoding {
        FLOAT(null), INT7(ScalarEncoding.SEVEN_BIT), INT4(ScalarEncoding.PACKED_NIBBLE),
        BBQ(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE);

        final ScalarEncoding scalar;

        Encoding(ScalarEncoding scalar) {
            this.scalar = scalar;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Encoding parse(String label) {
            for (Encoding e : values()) {
                if (e.label().equals(label)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown vector encoding '" + label + "'; one of float, int7, int4, bbq");
        }
    }

    private static final int MAX_CONN = 16;
    private static final int BEAM_WIDTH = 100;

    private QuantizedCopy() {
    }

    static void copy(Path source, Path target, Encoding encoding) throws IOException {
        if (encoding.scalar == null) {
            throw new IllegalArgumentException("float vectors are the production format: no copy to make");
        }
        KnnVectorsFormat format = new Lucene104HnswScalarQuantizedVectorsFormat(encoding.scalar, MAX_CONN, BEAM_WIDTH);
        var codec = new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return field.equals(IndexSchema.VECTOR) ? format : super.getKnnVectorsFormatForField(field);
            }
        };
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(IndexSchema.similarity())
                .setCodec(codec);
        try (Directory from = FSDirectory.open(source);
             DirectoryReader reader = DirectoryReader.open(from);
             Directory to = FSDirectory.open(target);
             IndexWriter writer = new IndexWriter(to, config)) {
            CodecReader[] leaves = reader.leaves().stream().map(LeafReaderContext::reader)
                    .map(r -> (CodecReader) r).toArray(CodecReader[]::new);
            writer.addIndexes(leaves);
            writer.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
            writer.commit();
        }
    }
}
