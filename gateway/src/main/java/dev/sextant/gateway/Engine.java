package dev.sextant.gateway;

import dev.sextant.indexer.BgeSmallEmbedder;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexerOptions;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.opensearch.OpenSearchIndex;
import dev.sextant.opensearch.OpenSearchSettings;
import dev.sextant.reranker.AccessGuard;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.SearchSettings;
import dev.sextant.retriever.HybridRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.jboss.logging.Logger;

/** Wires the framework-free libraries into beans: the only place that knows how the stages fit. */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    @Produces
    @Singleton
    ChunkIndex index(SextantConfig config, Embedder embedder, Chunker chunker) {
        if (config.index().backend() == SextantConfig.Index.Backend.OPENSEARCH) {
            return openSearch(config.index().opensearch(), IndexProfile.of(embedder, chunker), embedder.dimension());
        }
        try {
            LuceneIndex index = LuceneIndex.open(DataFolder.prepare(config.dataDir()).resolve("index"),
                    IndexProfile.of(embedder, chunker));
            index.rebuiltBecause().ifPresent(why -> LOG.warnf("the index under %s was emptied because %s; every source "
                    + "is indexed again, reusing the vectors of unchanged text where the model is the same",
                    config.dataDir().toAbsolutePath(), why));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index under " + config.dataDir().toAbsolutePath(), e);
        }
    }

    private static ChunkIndex openSearch(SextantConfig.Index.OpenSearch cluster, IndexProfile profile, int dimension) {
        String url = cluster.url().orElseThrow(() -> new IllegalStateException(
                "sextant.index.backend=opensearch needs sextant.index.opensearch.url, e.g. http://127.0.0.1:9200"));
        var settings = new OpenSearchSettings(URI.create(url), cluster.indexPrefix(), cluster.shards(), cluster.replicas());
        try {
            OpenSearchIndex index = OpenSearchIndex.open(settings, profile, dimension);
            index.rebuiltBecause().ifPresent(why -> LOG.warnf("the OpenSearch index %s was emptied because %s; every "
                    + "source is indexed again", settings.chunkIndex(), why));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the OpenSearch index " + settings.chunkIndex() + " at " + url, e);
        }
    }

    void close(@Disposes ChunkIndex index) throws IOException {
        index.close();
    }

    @Produces
    @Singleton
    Embedder embedder() {
        return new BgeSmallEmbedder();
    }

    @Produces
    @Singleton
    Chunker chunker() {
        return HeadingAwareChunker.defaults();
    }

    @Produces
    @Singleton
    Indexer indexer(ChunkIndex index, Chunker chunker, Embedder embedder, SextantConfig config) {
        return new Indexer(index, chunker, embedder, new IndexerOptions(config.sync().embedBatchSize(),
                config.sync().commitEveryDocs(), IndexerOptions.defaults().refreshEvery()));
    }

    @Produces
    @Singleton
    SearchSettings searchSettings(SextantConfig config) {
        var search = config.search();
        SearchSettings d = SearchSettings.DEFAULTS;
        return new SearchSettings(search.depth().orElse(d.depth()), search.fusion().orElse(d.fusion()),
                search.denseWeight().orElse(d.denseWeight()), search.rrfK().orElse(d.rrfK()),
                search.denseFloor().orElse(d.denseFloor()));
    }

    @Produces
    @Singleton
    SearchPipeline pipeline(ChunkIndex index, Embedder embedder, RerankerCascade cascade, SearchSettings settings) {
        AccessGuard guard = new AccessGuard(c -> LOG.errorf(
                "guard dropped %s: the index filter admitted it but its ACL does not", c.docId()));
        return new SearchPipeline(index, HybridRetriever.bm25AndDense(embedder, settings.fusionFunction()), cascade,
                guard, settings);
    }
}
