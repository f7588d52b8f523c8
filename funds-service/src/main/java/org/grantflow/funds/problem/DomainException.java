package org.grantflow.funds.problem;

import java.util.List;

/**
 * A request the service refuses for a reason of the domain, answered as problem+json. The
 * {@code slug} names the problem type ({@code https://grantflow.example/problems/<slug>}); each is
 * listed in {@code docs/api.md}.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> violations;

    public DomainException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(404, "not-found", "Not found", "No " + what + " with id " + id, List.of());
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static DomainException conflict(String slug, String title, String detail) {
        return new DomainException(409, slug, title, detail, List.of());
    }

    /** A well-formed request that breaks one business rule, about one field. */
    public static DomainException unprocessable(String slug, String title, Violation violation) {
        return new DomainException(422, slug, title, violation.message(), List.of(violation));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
