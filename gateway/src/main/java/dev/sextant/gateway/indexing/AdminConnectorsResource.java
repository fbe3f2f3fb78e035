package dev.sextant.gateway.indexing;

import dev.sextant.connectors.spi.SettingSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** For admins: the connector kinds this server has, each with the settings and secrets it reads. */
@Path("/api/admin/connectors")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminConnectorsResource {

    /** One kind and its settings. */
    public record Kind(String kind, List<SettingSpec> settings) {
    }

    private final SourceAdmin admin;

    AdminConnectorsResource(SourceAdmin admin) {
        this.admin = admin;
    }

    @GET
    public List<Kind> kinds() {
        return admin.kinds().entrySet().stream().map(e -> new Kind(e.getKey(), e.getValue())).toList();
    }
}
