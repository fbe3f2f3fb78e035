package dev.sextant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a BEIR {@code corpus.jsonl}: one {@code {"_id","title","text"}} object a line, in file order. */
final class BeirCorpus {

    /** One corpus entry as the file has it; {@code title} and {@code text} may be empty. */
    record Doc(String id, String title, String text) {
    }

    @FunctionalInterface
    interface DocVisitor {
        void visit(Doc doc) throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BeirCorpus() {
    }

    /** Visits the first {@code maxDocs} documents (blank lines skipped); returns how many were visited. */
    static int read(Path file, int maxDocs, DocVisitor visitor) throws IOException, InterruptedException {
        int count = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && count < maxDocs; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                visitor.visit(parse(file, lineNo, line));
                count++;
            }
        }
        return count;
    }

    private static Doc parse(Path file, int lineNo, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new DatasetException(file + " line " + lineNo + " is not JSON: " + e.getMessage());
        }
        String id = node.path("_id").asText("");
        if (id.isBlank()) {
            throw new DatasetException(file + " line " + lineNo + " has no \"_id\"");
        }
        return new Doc(id, node.path("title").asText(""), node.path("text").asText(""));
    }
}
