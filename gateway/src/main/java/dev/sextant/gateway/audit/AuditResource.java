package dev.sextant.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.retriever.InvalidQueryException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * For admins: the audit log, newest first as JSON ({@code GET /api/admin/audit?since=&until=&user=&limit=}), or
 * all of it oldest first as JSON lines ({@code GET /api/admin/audit/export?since=&until=&user=}), streamed.
 */
@Path("/api/admin/audit")
@RolesAllowed("admin")
public class AuditResource {

    public static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final AuditStore store;
    private final ObjectMapper mapper;

    AuditResource(AuditLog log, ObjectMapper mapper) {
        this.store = log.store();
        this.mapper = mapper;
    }

    /** The JSON of one event, in both views. */
    public record Event(Instant at, String user, String email, String action, String query, String searched,
                       List<String> docIds) {

        static Event of(AuditEvent e) {
            return new Event(e.at(), e.user(), e.email(), e.action().label(), e.query(), e.searched(), e.docIds());
        }
    }

    /** @param events newest first */
    public record Page(List<Event> events) {
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Page list(@QueryParam("since") String since, @QueryParam("until") String until,
                     @QueryParam("user") String user, @QueryParam("limit") String limit) throws SQLException {
        return new Page(store.newest(query(since, until, user), limit(limit)).stream().map(Event::of).toList());
    }

    @GET
    @Path("export")
    @Blocking
    @Produces(NDJSON)
    public StreamingOutput export(@QueryParam("since") String since, @QueryParam("until") String until,
                                  @QueryParam("user") String user) {
        AuditQuery query = query(since, until, user);
        return out -> {
            try {
                store.export(query, event -> line(out, event));
            } catch (SQLException e) {
                throw new IOException("the audit log could not be read", e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    private void line(OutputStream out, AuditEvent event) {
        try {
            out.write(mapper.writeValueAsBytes(Event.of(event)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuditQuery query(String since, String until, String user) {
        return new AuditQuery(instant("since", since, false), instant("until", until, true),
                user == null || user.isBlank() ? Optional.empty() : Optional.of(user.strip()));
    }

    /** An ISO-8601 instant ({@code 2026-12-01T09:30:00Z}) or a date; {@code until} a date means the day's end. */
    private static Optional<Instant> instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(v);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw new InvalidQueryException(name + " must be an ISO-8601 instant (2026-12-01T09:30:00Z) or a date "
                        + "(2026-12-01), got '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'");
            }
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1 && v <= MAX_LIMIT) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new InvalidQueryException("limit must be a whole number between 1 and " + MAX_LIMIT + ", got '"
                + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
    }
}
