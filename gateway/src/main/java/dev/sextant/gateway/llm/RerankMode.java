package dev.sextant.gateway.llm;

import java.util.Arrays;
import java.util.Locale;

/** {@code sextant.rerank.llm-mode}: whether and how the LLM reranks. */
enum RerankMode {
    NONE, LISTWISE, POINTWISE;

    static RerankMode of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sextant.rerank.llm-mode must be one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got '" + text + "'");
        }
    }
}
