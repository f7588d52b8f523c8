package org.grantflow.grants.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.api.Filter;
import org.grantflow.grants.api.Page;
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
    @Operation(operationId = "listFunds", summary = "List the funds rounds can be opened for",
            description = "Ordered by name. A fund created in funds-service is listed here once its fund.created event has arrived.")
    public Page<FundView> list(@QueryParam("status") Fund.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Filter filter = new Filter().equal("status", status);
        return Page.of(funds.find(filter.query(), Sort.by("name").and("id"), filter.parameters()), page, size,
                FundView::of);
    }
}
