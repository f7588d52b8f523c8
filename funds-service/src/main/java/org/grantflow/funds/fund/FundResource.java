package org.grantflow.funds.fund;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.security.Caller;
import org.grantflow.funds.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/funds")
@Tag(name = "Funds", description = "Pots of money grants are awarded from, with their budgets per financial year")
public class FundResource {

    private final FundService funds;
    private final Caller caller;

    FundResource(FundService funds, Caller caller) {
        this.funds = funds;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Create a fund", description = "Creates an open fund with at most one budget per financial year "
            + "and announces it on funds.fund.events.")
    @APIResponse(responseCode = "201", description = "The fund is created")
    @APIResponse(responseCode = "400", description = "A field is missing or not valid")
    @APIResponse(responseCode = "409", description = "The code is taken by another fund")
    @APIResponse(responseCode = "422", description = "A budget is for no real financial year, or a year is given twice")
    public RestResponse<FundView> create(@Valid @NotNull CreateFundRequest request) {
        FundView fund = funds.create(request, caller.name());
        return RestResponse.ResponseBuilder.<FundView> created(URI.create("/api/v1/funds/" + fund.id())).entity(fund)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.ASSESSOR })
    @Operation(summary = "List funds", description = "Filter by status; ordered by code.")
    public Page<FundView> list(@QueryParam("status") Fund.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return funds.list(status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.ASSESSOR })
    @Operation(summary = "Read one fund")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    public FundView get(@PathParam("id") UUID id) {
        return funds.get(id);
    }
}
