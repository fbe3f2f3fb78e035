package dev.sextant.gateway.indexing;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** An admin request about sources that cannot be done as asked: its status (400, 404, 409) and what to change. */
public class SourceRequestException extends RuntimeException {

    private final Response.Status status;

    public SourceRequestException(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    static SourceRequestException badRequest(String message) {
        return new SourceRequestException(Response.Status.BAD_REQUEST, message);
    }

    static SourceRequestException notFound(String id) {
        return new SourceRequestException(Response.Status.NOT_FOUND, "no source has the id '" + id
                + "'; GET /api/admin/sources lists them");
    }

    static SourceRequestException conflict(String message) {
        return new SourceRequestException(Response.Status.CONFLICT, message);
    }

    /** {@code {"error": "..."}} with the exception's status. */
    @Provider
    public static class Mapper implements ExceptionMapper<SourceRequestException> {
        @Override
        public Response toResponse(SourceRequestException e) {
            return Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage()))
                    .build();
        }
    }
}
