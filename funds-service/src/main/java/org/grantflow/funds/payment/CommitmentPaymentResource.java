package org.grantflow.funds.payment;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.security.Caller;
import org.grantflow.funds.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/** Payments are recorded against a commitment, so they are created under it. */
@Path("/api/v1/commitments/{id}/payments")
@Tag(name = "Payments")
public class CommitmentPaymentResource {

    private final PaymentService payments;
    private final Caller caller;

    CommitmentPaymentResource(PaymentService payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Record a payment or repayment", description = "Against one financial year of the commitment "
            + "(by default the year of paidOn). Send an Idempotency-Key: a retry with the same key and body answers "
            + "the first payment and records nothing new. Announced as grantflow.payment.recorded.v1.")
    @APIResponse(responseCode = "201", description = "The payment is recorded (or was, by the first request with this key)")
    @APIResponse(responseCode = "404", description = "No such commitment")
    @APIResponse(responseCode = "409", description = "The finance reference is recorded already")
    @APIResponse(responseCode = "422", description = "Over-payment (over-payment), repayment beyond what was paid "
            + "(repayment-exceeds-paid), nothing committed that year (not-committed-in-year), or the key was used "
            + "with another body (idempotency-key-reused)")
    public RestResponse<PaymentView> record(@PathParam("id") UUID commitmentId,
            @Parameter(description = "Makes a retry safe: same key and body, same answer")
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Valid @NotNull RecordPaymentRequest request) {
        PaymentService.Recorded recorded = payments.record(commitmentId, request, idempotencyKey, caller.name());
        return RestResponse.ResponseBuilder
                .<PaymentView> created(URI.create("/api/v1/payments/" + recorded.payment().id()))
                .entity(recorded.payment()).build();
    }
}
