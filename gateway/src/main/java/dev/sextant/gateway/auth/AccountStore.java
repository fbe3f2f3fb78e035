package dev.sextant.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads built-in accounts for sign-in; {@link dev.sextant.gateway.accounts.AccountTable} writes them. */
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
}
