package org.grantflow.funds.api;

import java.util.List;

import org.grantflow.funds.problem.DomainException;

/** Reads the version a client expects from an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}. */
public final class IfMatch {

    private IfMatch() {
    }

    /** @return the expected version, or {@code null} when the header is absent or {@code *} */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(400, "invalid-request", "The request is not valid",
                    "If-Match must carry the version read, e.g. \"3\"", List.of());
        }
    }
}
