package org.grantflow.funds.reconciliation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.security.Roles;

@Path("/api/v1/reconciliation")
@Tag(name = "Reconciliation", description = "What each fund-year has, owes and paid, and whether the finance system agrees")
@RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
public class ReconciliationResource {

    static final String CSV = "text/csv";

    private final ReconciliationService reconciliation;

    ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconcile a fund-year", description = "Budget, committed, released, paid (net), available and "
            + "outstanding, and per award the awarded, paid and remaining amounts and the last payment. Ask for "
            + "text/csv to get the same as a spreadsheet.")
    @APIResponse(responseCode = "404", description = "No such fund")
    @APIResponse(responseCode = "422", description = "Not a financial year")
    public ReconciliationReport report(@QueryParam("fund") @NotNull UUID fund,
            @QueryParam("financialYear") @NotNull String financialYear) {
        return reconciliation.report(fund, financialYear);
    }

    @GET
    @Produces(CSV + ";charset=UTF-8")
    @Operation(hidden = true)
    public String reportAsCsv(@QueryParam("fund") @NotNull UUID fund,
            @QueryParam("financialYear") @NotNull String financialYear) {
        return reconciliation.csv(reconciliation.report(fund, financialYear));
    }

    @POST
    @Path("/statements")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Match a finance-system statement", description = "CSV with a header naming date, reference, "
            + "amount and fund_code (or cost_centre). Each line is matched with the payment of the same finance "
            + "reference: matched, amount differs, only in the finance system; payments of the statement's funds "
            + "within its dates that it lacks are only in Grantflow. Nothing is stored.")
    @APIResponse(responseCode = "422", description = "Bad lines (invalid-statement), each named by its line number; "
            + "nothing is matched")
    public StatementMatch match(String statement) {
        return reconciliation.match(statement);
    }
}
