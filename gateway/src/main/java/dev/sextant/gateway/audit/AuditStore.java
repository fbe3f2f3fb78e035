package dev.sextant.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The audit tables ({@code V20__audit.sql}) over plain JDBC, in SQL that H2 and PostgreSQL both run. Each method
 * is one transaction.
 */
public final class AuditStore {

    /** Column widths of the migration; longer values are cut, never refused: the event still counts. */
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_USER = 200;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_DOC_ID = 2_000;
    /** Rows a streamed export holds in memory at once (PostgreSQL reads through a cursor of this size). */
    private static final int FETCH_SIZE = 500;

    private static final String COLUMNS = "e.id, e.at, e.username, e.email, e.action, e.query, e.searched";

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the events and their documents together. */
    public void insert(List<AuditEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement event = c.prepareStatement("insert into audit_event (at, username, email, action, "
                    + "query, searched) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
                 PreparedStatement doc = c.prepareStatement(
                         "insert into audit_event_doc (event_id, rank, doc_id) values (?, ?, ?)")) {
                for (AuditEvent e : events) {
                    event.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                    event.setString(2, cut(e.user(), MAX_USER));
                    event.setString(3, e.email() == null ? null : cut(e.email(), MAX_EMAIL));
                    event.setString(4, e.action().label());
                    event.setString(5, cut(e.query(), MAX_TEXT));
                    event.setString(6, e.searched() == null ? null : cut(e.searched(), MAX_TEXT));
                    event.executeUpdate();
                    long id;
                    try (ResultSet keys = event.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (int rank = 0; rank < e.docIds().size(); rank++) {
                        doc.setLong(1, id);
                        doc.setInt(2, rank);
                        doc.setString(3, cut(e.docIds().get(rank), MAX_DOC_ID));
                        doc.addBatch();
                    }
                }
                doc.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The newest {@code limit} events the query matches, newest first. */
    public List<AuditEvent> newest(AuditQuery query, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement s = select(c, "select " + COLUMNS + " from audit_event e", query,
                    " order by e.at desc, e.id desc")) {
                s.setMaxRows(limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.put(r.getLong(1), Row.of(r));
                    }
                }
            }
            if (!rows.isEmpty()) {
                String marks = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
                try (PreparedStatement s = c.prepareStatement("select event_id, doc_id from audit_event_doc "
                        + "where event_id in (" + marks + ") order by event_id, rank")) {
                    int i = 1;
                    for (long id : rows.keySet()) {
                        s.setLong(i++, id);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.get(r.getLong(1)).docIds.add(r.getString(2));
                        }
                    }
                }
            }
            return rows.values().stream().map(Row::event).toList();
        }
    }

    /** Every event the query matches, oldest first, handed over one by one as they are read. */
    public void export(AuditQuery query, Consumer<AuditEvent> sink) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = select(c, "select " + COLUMNS + ", d.doc_id from audit_event e "
                    + "left join audit_event_doc d on d.event_id = e.id", query, " order by e.at, e.id, d.rank")) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet r = s.executeQuery()) {
                    Row current = null;
                    long currentId = -1;
                    while (r.next()) {
                        long id = r.getLong(1);
                        if (current == null || id != currentId) {
                            if (current != null) {
                                sink.accept(current.event());
                            }
                            current = Row.of(r);
                            currentId = id;
                        }
                        String docId = r.getString(8);
                        if (docId != null) {
                            current.docIds.add(docId);
                        }
                    }
                    if (current != null) {
                        sink.accept(current.event());
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Deletes the events before this instant, with their documents; returns how many went. */
    public int deleteBefore(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from audit_event where at < ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return s.executeUpdate();
        }
    }

    private static PreparedStatement select(Connection c, String head, AuditQuery query, String order)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        List<String> where = new ArrayList<>();
        query.since().ifPresent(t -> {
            where.add("e.at >= ?");
            parameters.add(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        });
        query.until().ifPresent(t -> {
            where.add("e.at < ?");
            parameters.add(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        });
        query.user().ifPresent(u -> {
            where.add("(e.username = ? or e.email = ?)");
            parameters.add(u);
            parameters.add(u.toLowerCase(Locale.ROOT));
        });
        String sql = head + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
        return s;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** An event as read, its documents still being collected. */
    private record Row(Instant at, String user, String email, AuditAction action, String query, String searched,
                       List<String> docIds) {

        static Row of(ResultSet r) throws SQLException {
            return new Row(r.getObject(2, OffsetDateTime.class).toInstant(), r.getString(3), r.getString(4),
                    AuditAction.of(r.getString(5)), r.getString(6), r.getString(7), new ArrayList<>());
        }

        AuditEvent event() {
            return new AuditEvent(at, user, email, action, query, searched, docIds);
        }
    }
}
