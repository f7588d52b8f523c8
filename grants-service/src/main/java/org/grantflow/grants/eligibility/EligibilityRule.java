package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** One check a bid must pass to be considered at all. Pure: the same application gives the same answer. */
public interface EligibilityRule {

    /** @return empty when the application passes, else what is wrong with it */
    Optional<Violation> check(Application application);

    /** The rule in plain words, for portals to show before a bid is written. */
    String inWords();

    static Optional<Violation> pass() {
        return Optional.empty();
    }

    static Optional<Violation> fail(String code, String field, String message) {
        return Optional.of(new Violation(code, field, message));
    }
}
