package dev.sextant.connectors.gdrive;

import static dev.sextant.connectors.gdrive.GoogleWire.badRequest;
import static dev.sextant.connectors.gdrive.GoogleWire.error;
import static dev.sextant.connectors.gdrive.GoogleWire.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fake's Admin SDK Directory v1: {@code groups.list} (needs {@code customer} or {@code domain}) and
 * {@code members.list}, both paged with {@code maxResults} (at most 200) and {@code pageToken}.
 */
final class FakeDirectoryApi {

    private final FakeDriveData data;
    private final GoogleWire wire;

    FakeDirectoryApi(FakeDriveData data, GoogleWire wire) {
        this.data = data;
        this.wire = wire;
    }

    void route(HttpExchange exchange, String path, Map<String, String> q) throws IOException {
        String[] parts = path.substring(1).split("/");
        if (parts.length == 1 && parts[0].equals("groups")) {
            String customer = q.get("customer");
            if (customer == null && q.get("domain") == null) {
                badRequest(exchange, "Bad Request", "customer");
                return;
            }
            if (customer != null && !customer.equals("my_customer") && !customer.equals("C03az79cb")) {
                error(exchange, 404, "Resource Not Found: customer", "global", "notFound");
                return;
            }
            List<JsonNode> all = new ArrayList<>();
            data.groups.forEach((email, members) -> all.add(JsonNodeFactory.instance.objectNode()
                    .put("kind", "admin#directory#group").put("id", "0" + Integer.toHexString(email.hashCode()))
                    .put("email", email).put("name", email.substring(0, email.indexOf('@')))
                    .put("directMembersCount", Integer.toString(members.size()))));
            wire.page(exchange, q, all, "groups", "admin#directory#groups", 200, "maxResults", mask(q));
        } else if (parts.length == 3 && parts[0].equals("groups") && parts[2].equals("members")) {
            String key = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            List<FakeDriveData.Member> members = data.groups.get(key);
            if (members == null) {
                error(exchange, 404, "Resource Not Found: groupKey", "global", "notFound");
                return;
            }
            List<JsonNode> all = new ArrayList<>();
            members.forEach(m -> all.add(JsonNodeFactory.instance.objectNode().put("kind", "admin#directory#member")
                    .put("id", "1" + Integer.toHexString(m.email().hashCode())).put("email", m.email())
                    .put("role", "MEMBER").put("type", m.type()).put("status", m.status())));
            wire.page(exchange, q, all, "members", "admin#directory#members", 200, "maxResults", mask(q));
        } else {
            error(exchange, 404, "Not Found", "global", "notFound");
        }
    }
}
