package dev.sextant.connectors.extract;

import java.util.List;

/** Hands each file to the first of its extractors that supports it. */
public final class CompositeTextExtractor implements TextExtractor {

    private final List<TextExtractor> extractors;

    public CompositeTextExtractor(List<TextExtractor> extractors) {
        this.extractors = List.copyOf(extractors);
    }

    @Override
    public boolean supports(String fileName) {
        return extractors.stream().anyMatch(e -> e.supports(fileName));
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
        for (TextExtractor extractor : extractors) {
            if (extractor.supports(fileName)) {
                return extractor.extract(content, fileName);
            }
        }
        throw new ExtractionException(FileNames.unsupportedReason(fileName));
    }
}
