package dev.sextant.gateway.auth;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A built-in account: someone who signs in with a password kept (bcrypt-hashed) in Sextant's database. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String username;

    @Column(nullable = false)
    String email;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    /** Demo accounts sign in only while demo mode is on. */
    @Column(nullable = false)
    boolean demo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_group", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "group_name")
    Set<String> groups = new HashSet<>();

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean demo() {
        return demo;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }
}
