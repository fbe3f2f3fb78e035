package dev.sextant.gateway.directory;

import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.spi.SourceIdentity;
import dev.sextant.connectors.sync.DirectoryStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link DirectoryStore} of the relational store: synced groups, discovered identities and the identity map,
 * with the admin's edits of it. Every change is its own transaction and, once committed, invalidates the
 * {@link DirectorySnapshot} that queries resolve readers with.
 */
@ApplicationScoped
public class SourceDirectory implements DirectoryStore {

    /** An account a source discovered, and the emails the identity map links it to now. */
    public record Identity(String source, String account, String login, String email, List<String> linkedTo) {
    }

    private final EntityManager em;
    private final DirectorySnapshot snapshot;

    SourceDirectory(EntityManager em, DirectorySnapshot snapshot) {
        this.em = em;
        this.snapshot = snapshot;
    }

    @Override
    public void replaceGroups(String sourceId, Map<Principal, Set<Principal>> members) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from MemberRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
            members.forEach((group, direct) -> direct.forEach(member ->
                    em.persist(new MemberRow(sourceId, group.value(), member.value()))));
        });
        snapshot.invalidate();
    }

    @Override
    public void recordIdentities(String sourceId, Collection<SourceIdentity> identities) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from IdentityRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
            em.createQuery("delete from LinkRow where sourceId = :s and origin = :o").setParameter("s", sourceId)
                    .setParameter("o", LinkRow.SOURCE).executeUpdate();
            Map<String, SourceIdentity> byAccount = new HashMap<>();
            identities.forEach(i -> byAccount.put(i.account().value(), i));
            Set<String> linked = new LinkedHashSet<>();
            for (SourceIdentity identity : byAccount.values()) {
                String email = identity.email().map(e -> Principal.user(e).email()).orElse(null);
                em.persist(new IdentityRow(sourceId, identity.account().value(), identity.login(), email, now));
                if (email != null && linked.add(email + " " + identity.account().value())) {
                    em.persist(new LinkRow(email, identity.account().value(), LinkRow.SOURCE, sourceId, true));
                }
            }
        });
        snapshot.invalidate();
    }

    /** An admin links the account to the email; from then on the source's own links of that account no longer count. */
    public void link(String email, Principal account) {
        setAdminLink(Principal.user(email).email(), account.value(), true);
    }

    /** An admin unlinks the account from the email, whoever linked it; a later sync does not link it again. */
    public void unlink(String email, Principal account) {
        setAdminLink(Principal.user(email).email(), account.value(), false);
    }

    private void setAdminLink(String email, String account, boolean linked) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<LinkRow> rows = em.createQuery("from LinkRow where email = :e and account = :a and origin = :o",
                    LinkRow.class).setParameter("e", email).setParameter("a", account)
                    .setParameter("o", LinkRow.ADMIN).getResultList();
            if (rows.isEmpty()) {
                em.persist(new LinkRow(email, account, LinkRow.ADMIN, null, linked));
            } else {
                rows.forEach(r -> r.linked = linked);
            }
        });
        snapshot.invalidate();
    }

    /** Removes what a deleted source synced: its groups, its identities and the links they made. */
    public void forgetSource(String sourceId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from MemberRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
            em.createQuery("delete from IdentityRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
            em.createQuery("delete from LinkRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
        });
        snapshot.invalidate();
    }

    /** The discovered identities, by source and login; only those the identity map links to nobody when asked. */
    public List<Identity> identities(boolean unmappedOnly) {
        Map<String, Set<String>> links = QuarkusTransaction.requiringNew().call(this::effectiveLinks);
        List<IdentityRow> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from IdentityRow order by sourceId, login", IdentityRow.class).getResultList());
        List<Identity> identities = new ArrayList<>();
        for (IdentityRow row : rows) {
            List<String> to = List.copyOf(links.getOrDefault(row.account, Set.of()));
            if (!unmappedOnly || to.isEmpty()) {
                identities.add(new Identity(row.sourceId, row.account, row.login, row.email, to));
            }
        }
        return identities;
    }

    /** Reads the tables into a fresh in-memory directory. */
    MemoryDirectory load() {
        return QuarkusTransaction.requiringNew().call(() -> {
            MemoryDirectory.Builder builder = MemoryDirectory.builder();
            effectiveLinks().forEach((account, emails) ->
                    emails.forEach(email -> builder.link(email, Principal.parse(account))));
            for (Object[] row : em.createQuery("select groupPrincipal, memberPrincipal from MemberRow", Object[].class)
                    .getResultList()) {
                builder.member(Principal.parse((String) row[0]), Principal.parse((String) row[1]));
            }
            return builder.build();
        });
    }

    /** Account to linked emails: the admin's entries where an admin edited that account, else the sources'. */
    private Map<String, Set<String>> effectiveLinks() {
        Map<String, Set<String>> admin = new HashMap<>();
        Map<String, Set<String>> source = new HashMap<>();
        for (LinkRow row : em.createQuery("from LinkRow order by email", LinkRow.class).getResultList()) {
            Map<String, Set<String>> target = LinkRow.ADMIN.equals(row.origin) ? admin : source;
            Set<String> emails = target.computeIfAbsent(row.account, a -> new LinkedHashSet<>());
            if (row.linked) {
                emails.add(row.email);
            }
        }
        Map<String, Set<String>> effective = new HashMap<>(source);
        effective.putAll(admin);
        effective.values().removeIf(Set::isEmpty);
        return effective;
    }
}
