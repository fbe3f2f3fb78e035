package dev.sextant.reranker.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LLM's ranking such as {@code [3] > [1] > [2]}, read as a permutation of {@code 1..n} and never trusted:
 * repeated ids count once, ids outside {@code 1..n} are ignored, and the ids it left out follow in their
 * previous order. Text with no usable id is therefore the previous order.
 */
final class Permutation {

    private static final Pattern ID = Pattern.compile("\\d+");

    private Permutation() {
    }

    /** @return the zero-based positions, best first: always each of {@code 0..n-1} exactly once */
    static List<Integer> parse(String reply, int n) {
        Set<Integer> order = new LinkedHashSet<>();
        Matcher m = ID.matcher(reply == null ? "" : reply);
        while (m.find()) {
            String digits = m.group();
            if (digits.length() <= 4) {
                int id = Integer.parseInt(digits);
                if (id >= 1 && id <= n) {
                    order.add(id - 1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        return new ArrayList<>(order);
    }
}
