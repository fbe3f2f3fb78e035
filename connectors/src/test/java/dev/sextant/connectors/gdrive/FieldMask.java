package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's partial-response {@code fields} parameter: {@code a,b(c,d),e/f}; {@code *} keeps everything. A
 * response holds only what the mask names, as the real APIs do, so a connector that forgets to ask for a field
 * does not see it.
 */
public final class FieldMask {

    /** Field name to the mask of its sub-fields; null where the whole value is kept. */
    private final Map<String, FieldMask> fields;

    private FieldMask(Map<String, FieldMask> fields) {
        this.fields = fields;
    }

    public static FieldMask parse(String mask) {
        int[] at = {0};
        FieldMask parsed = parse(mask.replace(" ", ""), at);
        if (at[0] != mask.replace(" ", "").length()) {
            throw new IllegalArgumentException("unbalanced parentheses in fields: " + mask);
        }
        return parsed;
    }

    private static FieldMask parse(String s, int[] at) {
        Map<String, FieldMask> fields = new LinkedHashMap<>();
        while (at[0] < s.length() && s.charAt(at[0]) != ')') {
            int start = at[0];
            while (at[0] < s.length() && ",()".indexOf(s.charAt(at[0])) < 0) {
                at[0]++;
            }
            String name = s.substring(start, at[0]);
            FieldMask sub = null;
            if (at[0] < s.length() && s.charAt(at[0]) == '(') {
                at[0]++;
                sub = parse(s, at);
                if (at[0] >= s.length() || s.charAt(at[0]) != ')') {
                    throw new IllegalArgumentException("unbalanced parentheses in fields: " + s);
                }
                at[0]++;
            }
            String[] path = name.split("/");
            for (int i = path.length - 1; i > 0; i--) {
                sub = new FieldMask(new LinkedHashMap<>(Map.of(path[i], sub == null ? ALL : sub)));
            }
            if (!path[0].isEmpty()) {
                fields.merge(path[0], sub == null ? ALL : sub, FieldMask::union);
            }
            if (at[0] < s.length() && s.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
        return new FieldMask(fields);
    }

    private static final FieldMask ALL = new FieldMask(null);

    private static FieldMask union(FieldMask a, FieldMask b) {
        if (a.fields == null || b.fields == null) {
            return ALL;
        }
        Map<String, FieldMask> merged = new LinkedHashMap<>(a.fields);
        b.fields.forEach((k, v) -> merged.merge(k, v, FieldMask::union));
        return new FieldMask(merged);
    }

    public JsonNode apply(JsonNode node) {
        if (fields == null || fields.containsKey("*")) {
            return node;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(e -> out.add(apply(e)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, sub) -> {
            if (object.has(name)) {
                out.set(name, sub.apply(object.get(name)));
            }
        });
        return out;
    }
}
