package org.grantflow.funds.fund;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.api.IfMatch;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.ledger.YearBalance;
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

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Change a fund's details", description = "Name, description, funding source and ring-fencing; "
            + "the code never changes. Send If-Match with the version read to refuse a stale change. Announced as "
            + "grantflow.fund.updated.v1.")
    @APIResponse(responseCode = "200", description = "The fund as changed")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    @APIResponse(responseCode = "409", description = "If-Match names an older version (stale-version)")
    public FundView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateFundRequest request) {
        return funds.update(id, request, IfMatch.version(ifMatch), caller.name());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Close a fund", description = "A closed fund takes no new commitments; existing ones can still "
            + "be paid and released. Announced as grantflow.fund.closed.v1. Closing a closed fund changes nothing.")
    @APIResponse(responseCode = "200", description = "The fund, closed")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    @APIResponse(responseCode = "409", description = "If-Match names an older version (stale-version)")
    public FundView close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return funds.close(id, IfMatch.version(ifMatch), caller.name());
    }

    @PUT
    @Path("/{id}/budgets/{financialYear: [0-9]{4}[/-][0-9]{2}}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Set a fund's budget for a financial year",
            description = "The year is written 2019/20 (or 2019-20). The ledger records the difference as a BUDGET_SET "
                    + "entry with who and why; announced as grantflow.fund.budget-set.v1.")
    @APIResponse(responseCode = "200", description = "The year's balance after the change")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    @APIResponse(responseCode = "422", description = "The budget would be below what is committed "
            + "(budget-below-committed), or the year is not a financial year")
    public YearBalance setBudget(@PathParam("id") UUID id, @PathParam("financialYear") String financialYear,
            @Valid @NotNull SetBudgetRequest request) {
        return funds.setBudget(id, financialYear, request, caller.name());
    }

    @POST
    @Path("/{id}/budgets/{financialYear: [0-9]{4}[/-][0-9]{2}}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Adjust a fund's budget for a financial year",
            description = "Adds the change (negative to lower it) as a BUDGET_ADJUSTED ledger entry with who and why.")
    @APIResponse(responseCode = "200", description = "The year's balance after the change")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    @APIResponse(responseCode = "422", description = "The budget would be below what is committed "
            + "(budget-below-committed), or the year is not a financial year")
    public YearBalance adjustBudget(@PathParam("id") UUID id, @PathParam("financialYear") String financialYear,
            @Valid @NotNull AdjustBudgetRequest request) {
        return funds.adjustBudget(id, financialYear, request, caller.name());
    }

    @GET
    @Path("/{id}/balances")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.ASSESSOR })
    @Operation(summary = "A fund's balances per financial year",
            description = "Budget, committed, released, paid and repaid, with available = budget - committed + released "
                    + "and outstanding = committed - released - (paid - repaid); years in order.")
    @APIResponse(responseCode = "404", description = "No fund with this id")
    public List<YearBalance> balances(@PathParam("id") UUID id) {
        return funds.balances(id);
    }
}
