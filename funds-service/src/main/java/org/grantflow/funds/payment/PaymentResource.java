package org.grantflow.funds.payment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.security.Caller;
import org.grantflow.funds.security.Roles;

@Path("/api/v1/payments")
@Tag(name = "Payments", description = "Money paid against commitments, and repayments")
public class PaymentResource {

    private final PaymentService payments;
    private final Caller caller;

    PaymentResource(PaymentService payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.PARTNER })
    @Operation(summary = "List payments", description = "Newest first; a partner sees only its own organisation's.")
    public Page<PaymentView> list(@QueryParam("commitmentId") UUID commitmentId, @QueryParam("fundId") UUID fundId,
            @QueryParam("financialYear") String financialYear, @QueryParam("organisationId") String organisationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return payments.list(commitmentId, fundId, financialYear, organisationId, caller, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.PARTNER })
    @Operation(summary = "Read one payment")
    @APIResponse(responseCode = "404", description = "No such payment, or it belongs to another organisation")
    public PaymentView get(@PathParam("id") UUID id) {
        return payments.get(id, caller);
    }
}
