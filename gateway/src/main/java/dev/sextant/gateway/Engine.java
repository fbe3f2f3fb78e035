package dev.sextant.gateway;

import dev.sextant.indexer.BgeSmallEmbedder;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.IndexerOptions;
import dev.sextant.indexer.LuceneIndex;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.retriever.ConvexFusion;
import dev.sextant.retriever.Fusion;
import dev.sextant.retriever.HybridRetriever;
import dev.sextant.retriever.PassageLoader;
import dev.sextant.retriever.RrfFusion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** Wires the framework-free libraries into beans: the only place that knows how the stages fit. */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    @Produces
    @Singleton
    LuceneIndex index(SextantConfig config) {
        try {
            LuceneIndex index = LuceneIndex.open(DataFolder.prepare(config.dataDir()).resolve("index"));
            if (index.rebuilt()) {
                LOG.warnf("the index under %s was written by an older version of Sextant; it was emptied and every "
                        + "source is indexed again", config.dataDir().toAbsolutePath());
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index under " + config.dataDir().toAbsolutePath(), e);
        }
    }

    void close(@Disposes LuceneIndex index) throws IOException {
        index.close();
    }

    @Produces
    @Singleton
    Embedder embedder() {
        return new BgeSmallEmbedder();
    }

    @Produces
    @Singleton
    Indexer indexer(LuceneIndex index, Embedder embedder) {
        return new Indexer(index, HeadingAwareChunker.defaults(), embedder, IndexerOptions.defaults());
    }

    @Produces
    @Singleton
    RerankerCascade cascade() {
        return RerankerCascade.passThrough();
    }

    void close(@Disposes RerankerCascade cascade) {
        cascade.close();
    }

    @Produces
    @Singleton
    PassageLoader passages(LuceneIndex index) {
        return new PassageLoader(index.searchers());
    }

    @Produces
    @Singleton
    SearchPipeline pipeline(LuceneIndex index, Embedder embedder, RerankerCascade cascade, SextantConfig config) {
        var search = config.search();
        Fusion fusion = switch (search.fusion()) {
            case convex -> ConvexFusion.bm25AndDense(search.denseWeight());
            case rrf -> new RrfFusion(search.rrfK());
        };
        return new SearchPipeline(HybridRetriever.bm25AndDense(index.searchers(), embedder, fusion), cascade);
    }
}
