package org.grantflow.grants.organisation;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.eligibility.OrganisationType;

/** A new organisation: its id and the {@link OrganisationDetails} fields. */
public record RegisterOrganisationRequest(
        @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,99}$", message = "must be lower-case letters, digits and dashes")
        @Schema(example = "district-council-01", description = "The id partner tokens carry in their 'org' claim")
        String id,
        @NotBlank @Size(max = 200) @Schema(example = "A District Council") String name,
        @NotNull @Schema(example = "DISTRICT_OR_BOROUGH_COUNCIL") OrganisationType type,
        @Pattern(regexp = "^[0-9]{6,8}(-[0-9]{1,2})?$", message = "must be a charity number such as 1234567")
        @Schema(example = "1098765") String charityNumber,
        @Pattern(regexp = "^[A-Z0-9]{8}$", message = "must be an 8-character company number such as 01234567")
        @Schema(example = "01234567") String companyNumber,
        @Pattern(regexp = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$", message = "must be a UK postcode")
        @Schema(example = "RH4 1DN") String postcode,
        @Size(max = 10) @Schema(example = "[\"community.safety@district-council-01.example\"]")
        List<@NotBlank @Email @Size(max = 200) String> contactEmails,
        @Size(max = 20) @Schema(example = "[\"Fly Tipping Group\"]", description = "Named groups the organisation belongs to")
        List<@NotBlank @Size(max = 100) String> memberships) {

    OrganisationDetails details() {
        return new OrganisationDetails(name, type, charityNumber, companyNumber, postcode, contactEmails, memberships);
    }
}
