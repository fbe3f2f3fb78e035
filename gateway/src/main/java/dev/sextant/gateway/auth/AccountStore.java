package dev.sextant.gateway.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** Reads and writes built-in accounts. */
@ApplicationScoped
public class AccountStore {

    private final EntityManager em;

    AccountStore(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<Account> find(String username) {
        return em.createQuery("from Account a where a.username = :u", Account.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    /** Creates the account, or resets its password, email, roles and groups if it exists. */
    @Transactional
    public Account upsert(String username, String email, String displayName, String password, boolean demo,
                          Set<String> roles, Set<String> groups) {
        Account account = find(username).orElseGet(Account::new);
        account.username = username;
        account.email = email;
        account.displayName = displayName;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.demo = demo;
        account.roles.clear();
        account.roles.addAll(roles);
        account.groups.clear();
        account.groups.addAll(groups);
        if (account.id == null) {
            em.persist(account);
        }
        return account;
    }
}
