package org.grantflow.funds.opendata;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.security.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

@Path("/api/v1/exports/360giving")
@Tag(name = "Open data", description = "The awards in the 360Giving Data Standard, for publication")
public class ThreeSixtyGivingResource {

    private final ThreeSixtyGivingExport export;

    ThreeSixtyGivingResource(ThreeSixtyGivingExport export) {
        this.export = export;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Export awards as 360Giving JSON", description = "A 360Giving 1.4 grant package: one grant per "
            + "award with its commitment and disbursement transactions; optionally of one fund.")
    public ObjectNode export(@QueryParam("fundId") UUID fundId) {
        return export.export(fundId);
    }
}
