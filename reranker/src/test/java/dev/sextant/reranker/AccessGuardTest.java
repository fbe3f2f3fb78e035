package dev.sextant.reranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.retriever.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessGuardTest {

    private static Candidate c(String id, String acl) {
        return new Candidate(id, id + "#0", acl, Map.of());
    }

    @Test
    void keepsWhatTheReaderMayReadInOrderAndReportsTheRest() {
        List<Candidate> breaches = new ArrayList<>();
        AccessGuard guard = new AccessGuard(breaches::add);
        Principals bob = Principals.of(Principal.PUBLIC, Principal.group("idp", "finance"));
        List<Candidate> candidates = List.of(
                c("wiki", "public"),
                c("payroll", "group:idp:finance\nuser:carol@x.example"),
                c("report", "group:idp:finance"),
                c("hr", "group:idp:hr"),
                c("garbled", "not a principal"),
                c("empty", ""),
                c("both", "group:idp:finance, group:idp:hr\npublic"));

        assertThat(guard.admitted(candidates, bob)).extracting(Candidate::docId).containsExactly("wiki", "report", "both");
        assertThat(breaches).extracting(Candidate::docId).containsExactly("payroll", "hr", "garbled", "empty");
    }
}
