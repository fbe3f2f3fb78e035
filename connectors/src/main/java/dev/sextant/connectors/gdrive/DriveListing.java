package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the corpus and its changes: the subject's My Drive ({@code corpora=user}, files the subject owns) and every
 * shared drive the subject is a member of ({@code drives.list}, then {@code corpora=drive&driveId=}), each paged
 * with {@code pageToken}/{@code nextPageToken} until Drive gives no next token (a short or empty page is not the end).
 * Changes come from the subject's one change feed with {@code includeItemsFromAllDrives}, which covers My Drive and
 * those same shared drives.
 */
final class DriveListing {

    /** Receives one listed file. */
    interface FileVisitor {
        void visit(DriveFile file) throws IOException, InterruptedException;
    }

    /** One page of {@code changes.list}: either a next page token or, on the last page, the new start token. */
    record ChangesPage(List<JsonNode> changes, String nextPageToken, String newStartPageToken) {
    }

    private static final String PAGE_SIZE = "1000";

    private final GoogleApi api;
    private final String driveBase;

    DriveListing(GoogleApi api, String driveBase) {
        this.api = api;
        this.driveBase = driveBase;
    }

    void eachFile(FileVisitor visitor) throws IOException, InterruptedException {
        files(visitor, "user", null, "'me' in owners and trashed = false");
        for (String drive : sharedDrives()) {
            files(visitor, "drive", drive, "trashed = false");
        }
    }

    List<String> sharedDrives() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String pageToken = null;
        do {
            JsonNode page = api.json(GoogleApi.uri(driveBase, "/drives", "pageSize", "100", "pageToken", pageToken,
                    "fields", "nextPageToken,drives(id,name)"), "drives.list");
            page.path("drives").forEach(d -> ids.add(d.path("id").asText()));
            pageToken = next(page);
        } while (pageToken != null);
        return ids;
    }

    private void files(FileVisitor visitor, String corpora, String driveId, String query)
            throws IOException, InterruptedException {
        String pageToken = null;
        do {
            JsonNode page = api.json(GoogleApi.uri(driveBase, "/files", "corpora", corpora, "driveId", driveId,
                    "includeItemsFromAllDrives", "true", "supportsAllDrives", "true", "q", query,
                    "pageSize", PAGE_SIZE, "pageToken", pageToken,
                    "fields", "nextPageToken,files(" + DriveFile.FIELDS + ")"),
                    "files.list of " + (driveId == null ? "My Drive" : "shared drive " + driveId));
            for (JsonNode file : page.path("files")) {
                visitor.visit(DriveFile.of(file));
            }
            pageToken = next(page);
        } while (pageToken != null);
    }

    DriveFile file(String fileId) throws IOException, InterruptedException {
        return DriveFile.of(api.json(GoogleApi.uri(driveBase, "/files/" + GoogleApi.segment(fileId),
                "supportsAllDrives", "true", "fields", DriveFile.FIELDS), "files.get of " + fileId));
    }

    String startPageToken() throws IOException, InterruptedException {
        JsonNode token = api.json(GoogleApi.uri(driveBase, "/changes/startPageToken", "supportsAllDrives", "true"),
                "changes.getStartPageToken");
        if (!token.hasNonNull("startPageToken")) {
            throw new IOException("changes.getStartPageToken answered no startPageToken: " + token);
        }
        return token.get("startPageToken").asText();
    }

    ChangesPage changes(String pageToken) throws IOException, InterruptedException {
        JsonNode page = api.json(GoogleApi.uri(driveBase, "/changes", "pageToken", pageToken,
                "includeRemoved", "true", "includeItemsFromAllDrives", "true", "supportsAllDrives", "true",
                "pageSize", PAGE_SIZE, "fields", "nextPageToken,newStartPageToken,changes(changeType,removed,"
                        + "fileId,driveId,time,file(" + DriveFile.FIELDS + "))"), "changes.list");
        List<JsonNode> changes = new ArrayList<>();
        page.path("changes").forEach(changes::add);
        String nextPage = next(page);
        String newStart = page.hasNonNull("newStartPageToken") ? page.get("newStartPageToken").asText() : null;
        if (nextPage == null && newStart == null) {
            throw new IOException("changes.list answered neither nextPageToken nor newStartPageToken");
        }
        return new ChangesPage(changes, nextPage, newStart);
    }

    private static String next(JsonNode page) {
        return page.hasNonNull("nextPageToken") && !page.get("nextPageToken").asText().isEmpty()
                ? page.get("nextPageToken").asText() : null;
    }
}
