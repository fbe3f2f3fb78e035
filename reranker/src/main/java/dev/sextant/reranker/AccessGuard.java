package dev.sextant.reranker;

import dev.sextant.acl.AclFormat;
import dev.sextant.acl.Principals;
import dev.sextant.retriever.Candidate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The check after the index's own filter: every candidate's stored ACL is evaluated again, here in Java,
 * independently of the engine's query. A candidate that fails is dropped and reported, since it means the
 * index filter let something through. An ACL that does not parse admits nobody.
 */
public final class AccessGuard {

    private final Consumer<Candidate> onBreach;

    /** @param onBreach told of every candidate the index admitted but its ACL does not (to log it loudly) */
    public AccessGuard(Consumer<Candidate> onBreach) {
        this.onBreach = onBreach;
    }

    /** The candidates the reader may read, in their order. */
    public List<Candidate> admitted(List<Candidate> candidates, Principals reader) {
        return candidates.stream().filter(c -> {
            boolean ok = AclFormat.parseOrNone(c.aclText()).admits(reader);
            if (!ok) {
                onBreach.accept(c);
            }
            return ok;
        }).toList();
    }
}
