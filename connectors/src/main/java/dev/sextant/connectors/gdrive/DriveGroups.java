package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.spi.GroupSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Google Groups through the Admin SDK Directory API: {@code groups.list?customer=}, then each group's
 * {@code members.list}, both paged. A {@code USER} member becomes {@code user:<email>}, a {@code GROUP} member
 * {@code group:google:<email>} (the resolver expands nested groups at query time); {@code CUSTOMER} members
 * (everyone in the account) and suspended members are left out.
 */
final class DriveGroups {

    private final GoogleApi api;
    private final String adminBase;
    private final String customer;

    DriveGroups(GoogleApi api, String adminBase, String customer) {
        this.api = api;
        this.adminBase = adminBase;
        this.customer = customer;
    }

    void sync(GroupSink sink) throws IOException, InterruptedException {
        List<String> groups = new ArrayList<>();
        pages("/groups", "groups", "groups.list", g -> groups.add(g.path("email").asText()), "customer", customer);
        for (String email : groups) {
            List<Principal> members = new ArrayList<>();
            pages("/groups/" + GoogleApi.segment(email) + "/members", "members", "members.list of " + email,
                    m -> member(m, members));
            sink.group(DrivePermissions.group(email), members);
        }
    }

    /** One page of groups, to check that the subject may read them. */
    void probe() throws IOException, InterruptedException {
        api.json(GoogleApi.uri(adminBase, "/groups", "customer", customer, "maxResults", "1"), "groups.list");
    }

    private static void member(JsonNode m, List<Principal> members) {
        String email = m.path("email").asText("");
        if (email.isEmpty() || "SUSPENDED".equals(m.path("status").asText())) {
            return;
        }
        try {
            switch (m.path("type").asText()) {
                case "USER" -> members.add(Principal.user(email));
                case "GROUP" -> members.add(DrivePermissions.group(email));
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            // not an email: no principal to grant
        }
    }

    /** Every page of one list: {@code params} (name, value, ...) with {@code maxResults} and {@code pageToken}. */
    private void pages(String path, String field, String what, Consumer<JsonNode> each, String... params)
            throws IOException, InterruptedException {
        String pageToken = null;
        do {
            List<String> query = new ArrayList<>(List.of(params));
            query.addAll(Arrays.asList("maxResults", "200", "pageToken", pageToken));
            JsonNode page = api.json(GoogleApi.uri(adminBase, path, query.toArray(String[]::new)), what);
            page.path(field).forEach(each);
            pageToken = page.hasNonNull("nextPageToken") && !page.get("nextPageToken").asText().isEmpty()
                    ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
    }
}
