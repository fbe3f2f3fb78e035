package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.lucene.IndexSchema;
import java.util.TreeSet;

/**
 * The access filter every search carries inside its query, as {@code AclFilter} builds it for the embedded
 * index: for each ACL clause field, a {@code terms} query on the reader's principals plus the
 * {@link IndexSchema#ACL_ANYONE} sentinel; all required, none scoring.
 */
final class AccessFilter {

    private AccessFilter() {
    }

    static ObjectNode of(Principals reader) {
        TreeSet<String> terms = new TreeSet<>();
        terms.add(IndexSchema.ACL_ANYONE);
        for (Principal p : reader.all()) {
            terms.add(p.value());
        }
        ObjectNode bool = OpenSearchHttp.object();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        for (int i = 0; i < ChunkIndex.MAX_ACL_CLAUSES; i++) {
            ArrayNode values = filter.addObject().putObject("terms").putArray(IndexSchema.aclField(i));
            terms.forEach(values::add);
        }
        return bool;
    }

    /** {@code query} restricted by the filter, scored by {@code query} alone. */
    static ObjectNode restrict(ObjectNode query, ObjectNode filter) {
        ObjectNode restricted = OpenSearchHttp.object();
        ObjectNode bool = restricted.putObject("bool");
        bool.putArray("must").add(query);
        bool.putArray("filter").add(filter);
        return restricted;
    }
}
