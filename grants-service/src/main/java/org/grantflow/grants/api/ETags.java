package org.grantflow.grants.api;

import java.util.List;

import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;
import org.jboss.resteasy.reactive.RestResponse;

/** An entity's ETag is its version in quotes: {@code "3"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the entity and its ETag. */
    public static <T> RestResponse<T> ok(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", of(version)).build();
    }

    /** The version an If-Match header names; {@code "3"}, {@code W/"3"} and {@code 3} are all read as 3. */
    public static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(428, "if-match-required", "If-Match required",
                    "Send the ETag you last read in If-Match so that an edit cannot overwrite a newer one", List.of());
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(400, "invalid-request", "The request is not valid",
                    "If-Match must be an ETag such as \"3\"",
                    List.of(new Violation("IF_MATCH", "If-Match", "must be an ETag such as \"3\"")));
        }
    }
}
