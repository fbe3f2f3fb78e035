package dev.sextant.gateway.search;

import dev.sextant.acl.AclFormat;
import dev.sextant.acl.Principals;
import dev.sextant.retriever.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The last line of defence: re-checks every candidate against its stored ACL, evaluated here in Java
 * independently of the index query that already filtered it. A candidate that fails is dropped and
 * logged, since it means the index filter let something through.
 */
@ApplicationScoped
public class AccessGuard {

    private static final Logger LOG = Logger.getLogger(AccessGuard.class);

    public List<Candidate> admitted(List<Candidate> candidates, Principals reader) {
        return candidates.stream().filter(c -> {
            boolean ok = AclFormat.parseOrNone(c.aclText()).admits(reader);
            if (!ok) {
                LOG.errorf("guard dropped %s: the index filter admitted it but its ACL does not", c.docId());
            }
            return ok;
        }).toList();
    }
}
