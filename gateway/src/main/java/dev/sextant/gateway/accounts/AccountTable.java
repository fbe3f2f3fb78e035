package dev.sextant.gateway.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Built-in accounts over plain JDBC, so that the {@code user} command (no Quarkus) and the server's demo
 * mode write them the same way. Each method is one transaction.
 */
public final class AccountTable {

    /** What {@link #writeDemo} did. */
    public enum DemoWrite {
        /** Created, or reset to the demo's email, groups and password. */
        WRITTEN,
        /** A real (non-demo) account has that name: left as it is. */
        SKIPPED_REAL_ACCOUNT
    }

    private final DataSource dataSource;

    public AccountTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<AccountRecord> find(String username) throws SQLException {
        return list().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** Every account, by name. */
    public List<AccountRecord> list() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, String[]> rows = new LinkedHashMap<>();
            Map<Long, Boolean> demo = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select id, username, email, display_name, demo from account order by username");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getLong(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
                    demo.put(r.getLong(1), r.getBoolean(5));
                }
            }
            Map<Long, Set<String>> roles = collect(c, "select account_id, role from account_role");
            Map<Long, Set<String>> groups = collect(c, "select account_id, group_name from account_group");
            List<AccountRecord> accounts = new ArrayList<>();
            rows.forEach((id, row) -> accounts.add(new AccountRecord(row[0], row[1], row[2],
                    groups.getOrDefault(id, Set.of()),
                    roles.getOrDefault(id, Set.of()).contains(AccountRecord.ADMIN_ROLE), demo.get(id))));
            return accounts;
        }
    }

    /** Adds a real account; false when the name is taken (by any account, demo or not). */
    public boolean add(AccountRecord account, String passwordHash) throws SQLException {
        if (account.demo()) {
            throw new IllegalArgumentException("demo accounts are written by writeDemo");
        }
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, () -> {
                if (idOf(c, account.username()).isPresent()) {
                    return false;
                }
                insert(c, account, passwordHash);
                return true;
            });
        } catch (SQLIntegrityConstraintViolationException raced) {
            return false;
        }
    }

    /** Creates or resets a demo account, unless a real account has its name. */
    public DemoWrite writeDemo(AccountRecord account, String passwordHash) throws SQLException {
        if (!account.demo()) {
            throw new IllegalArgumentException(account.username() + " is not a demo account");
        }
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, () -> {
                Optional<Long> id = idOf(c, account.username());
                if (id.isEmpty()) {
                    insert(c, account, passwordHash);
                    return DemoWrite.WRITTEN;
                }
                if (!isDemo(c, id.get())) {
                    return DemoWrite.SKIPPED_REAL_ACCOUNT;
                }
                update(c, "update account set email = ?, display_name = ?, password_hash = ? where id = ?",
                        account.email(), account.displayName(), passwordHash, id.get());
                update(c, "delete from account_role where account_id = ?", id.get());
                update(c, "delete from account_group where account_id = ?", id.get());
                insertRolesAndGroups(c, id.get(), account);
                return DemoWrite.WRITTEN;
            });
        }
    }

    /** False when there is no such account. */
    public boolean setPasswordHash(String username, String passwordHash) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return update(c, "update account set password_hash = ? where username = ?", passwordHash, username) > 0;
        }
    }

    /** False when there is no such account; its roles and groups go with it. */
    public boolean remove(String username) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return update(c, "delete from account where username = ?", username) > 0;
        }
    }

    /** Deletes every demo account; returns how many there were. */
    public int deleteDemo() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return update(c, "delete from account where demo = true");
        }
    }

    public int count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from account");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void insert(Connection c, AccountRecord account, String passwordHash) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(
                "insert into account (username, email, display_name, password_hash, demo) values (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, account.username());
            s.setString(2, account.email());
            s.setString(3, account.displayName());
            s.setString(4, passwordHash);
            s.setBoolean(5, account.demo());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertRolesAndGroups(c, id, account);
    }

    private static void insertRolesAndGroups(Connection c, long id, AccountRecord account) throws SQLException {
        for (String role : account.roles()) {
            update(c, "insert into account_role (account_id, role) values (?, ?)", id, role);
        }
        for (String group : account.groups()) {
            update(c, "insert into account_group (account_id, group_name) values (?, ?)", id, group);
        }
    }

    private static Optional<Long> idOf(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from account where username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean isDemo(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select demo from account where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static Map<Long, Set<String>> collect(Connection c, String sql) throws SQLException {
        Map<Long, Set<String>> byAccount = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                byAccount.computeIfAbsent(r.getLong(1), k -> new HashSet<>()).add(r.getString(2));
            }
        }
        return byAccount;
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
