package org.grantflow.grants.fund;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.security.Roles;

import io.quarkus.panache.common.Sort;

@Path("/api/v1/funds")
@Tag(name = "Funds", description = "The funds known from funds-service, for which rounds can be opened")
public class FundResource {

    private final FundRepository funds;

    FundResource(FundRepository funds) {
        this.funds = funds;
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List the funds rounds can be opened for")
    public List<FundView> list() {
        return funds.listAll(Sort.by("name")).stream().map(FundView::of).toList();
    }
}
