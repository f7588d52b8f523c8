package org.grantflow.grants.organisation;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.api.ETags;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.eligibility.OrganisationType;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.security.Caller;
import org.grantflow.grants.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/organisations")
@Tag(name = "Organisations", description = "Applicant organisations; a partner token acts for one of them")
public class OrganisationResource {

    private final OrganisationService organisations;
    private final Caller caller;

    OrganisationResource(OrganisationService organisations, Caller caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerOrganisation", summary = "Register an organisation")
    @APIResponse(responseCode = "201", description = "Registered (or, for a repeated Idempotency-Key with the same body, the first answer)",
            headers = { @Header(name = "Location", description = "The new organisation", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "409", description = "organisation-id-taken: an organisation with this id is already registered")
    public RestResponse<OrganisationView> register(
            @Parameter(description = IdempotentRequests.DESCRIPTION, example = "3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull RegisterOrganisationRequest request) {
        OrganisationView organisation = organisations.register(request, caller.name(), idempotencyKey);
        return RestResponse.ResponseBuilder.<OrganisationView> created(
                URI.create("/api/v1/organisations/" + organisation.id())).entity(organisation)
                .header("ETag", ETags.of(organisation.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateOrganisation", summary = "Update an organisation", description = "Send the ETag last read in If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag",
            description = "The organisation's new version, for the next If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")))
    @APIResponse(responseCode = "409", description = "stale-version: the organisation changed since it was read")
    @APIResponse(responseCode = "428", description = "if-match-required: no If-Match header")
    public RestResponse<OrganisationView> update(@PathParam("id") String id,
            @Parameter(required = true, description = "The ETag as last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull OrganisationDetails details) {
        return tagged(organisations.update(id, ETags.version(ifMatch), details));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "getOrganisation", summary = "Read one organisation", description = "A partner can read only its own.")
    @APIResponse(responseCode = "200", description = "The organisation", headers = @Header(name = "ETag",
            description = "Its version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")))
    public RestResponse<OrganisationView> get(@PathParam("id") String id) {
        return tagged(organisations.get(id, caller));
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "listOrganisations", summary = "List organisations", description = "Filter by type; ordered by name.")
    public Page<OrganisationView> list(@QueryParam("type") OrganisationType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return organisations.list(type, page, size);
    }

    private static RestResponse<OrganisationView> tagged(OrganisationView organisation) {
        return ETags.ok(organisation, organisation.version());
    }
}
