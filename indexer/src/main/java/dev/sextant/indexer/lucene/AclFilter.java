package dev.sextant.indexer.lucene;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The access filter that goes inside every search: for each ACL clause field, the reader must hold one of
 * its principals (or the clause is the {@link IndexSchema#ACL_ANYONE} sentinel). One {@link TermInSetQuery}
 * per clause, all required, none scoring.
 */
public final class AclFilter {

    private AclFilter() {
    }

    public static Query of(Principals reader) {
        // A naturally ordered SortedSet is the one collection TermInSetQuery does not sort again, eight times.
        SortedSet<BytesRef> terms = new TreeSet<>();
        terms.add(new BytesRef(IndexSchema.ACL_ANYONE));
        for (Principal p : reader.all()) {
            terms.add(new BytesRef(p.value()));
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        for (int i = 0; i < IndexSchema.MAX_ACL_CLAUSES; i++) {
            filter.add(new TermInSetQuery(IndexSchema.aclField(i), terms), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    /** {@code query} restricted by an access filter from {@link #of}, scored by {@code query} alone. */
    public static Query restrict(Query query, Query accessFilter) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(accessFilter, BooleanClause.Occur.FILTER)
                .build();
    }
}
