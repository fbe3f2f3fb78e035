package dev.sextant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries and relevance judgments of one split of a BEIR folder ({@code corpus.jsonl},
 * {@code queries.jsonl}, {@code qrels/<split>.tsv}). The corpus itself is streamed by {@link BeirCorpusConnector}.
 * Queries evaluated are those the split's qrels judge at least one document relevant for, in qrels order.
 *
 * @param name    the folder's name, e.g. {@code beir-scifact}
 * @param queries the evaluated queries, in the order the qrels first name them
 */
public record BeirDataset(String name, Path corpus, List<EvalQuery> queries) {

    /** A query to evaluate and its judgments: document id to graded relevance (score 0 = judged not relevant). */
    public record EvalQuery(String id, String text, Map<String, Integer> qrels) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static BeirDataset load(Path dir, String split) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("dataset folder " + dir + " does not exist");
        }
        Path corpus = require(dir.resolve("corpus.jsonl"));
        Path queriesFile = require(dir.resolve("queries.jsonl"));
        Path qrelsFile = require(dir.resolve("qrels").resolve(split + ".tsv"));
        Map<String, Map<String, Integer>> qrels = readQrels(qrelsFile);
        Map<String, String> texts = readQueries(queriesFile, qrels);
        List<EvalQuery> queries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        qrels.forEach((id, judged) -> {
            if (!TrecMetrics.hasRelevant(judged)) {
                return;
            }
            String text = texts.get(id);
            if (text == null) {
                missing.add(id);
            } else {
                queries.add(new EvalQuery(id, text, Map.copyOf(judged)));
            }
        });
        if (!missing.isEmpty()) {
            throw new DatasetException(qrelsFile + " judges " + missing.size() + " queries that " + queriesFile
                    + " does not have, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
        if (queries.isEmpty()) {
            throw new DatasetException(qrelsFile + " judges no document relevant (score >= 1) for any query");
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new BeirDataset(name, corpus, List.copyOf(queries));
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("missing " + file + " (a BEIR folder has corpus.jsonl, queries.jsonl and "
                    + "qrels/<split>.tsv)");
        }
        return file;
    }

    /** {@code query-id \t corpus-id \t score}, one header line; later lines for the same pair win. */
    static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.startsWith("query-id"))) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new DatasetException(file + " line " + (i + 1) + ": expected query-id<TAB>corpus-id<TAB>score, got '"
                        + line + "'");
            }
            int score;
            try {
                score = Integer.parseInt(cols[2].strip());
            } catch (NumberFormatException e) {
                throw new DatasetException(file + " line " + (i + 1) + ": score '" + cols[2] + "' is not an integer");
            }
            qrels.computeIfAbsent(cols[0].strip(), q -> new LinkedHashMap<>()).put(cols[1].strip(), score);
        }
        return qrels;
    }

    private static Map<String, String> readQueries(Path file, Map<String, ?> wanted) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new DatasetException(file + " line " + lineNo + " is not JSON: " + e.getMessage());
                }
                String id = node.path("_id").asText("");
                if (wanted.containsKey(id)) {
                    texts.put(id, node.path("text").asText(""));
                }
            }
        }
        return texts;
    }
}
