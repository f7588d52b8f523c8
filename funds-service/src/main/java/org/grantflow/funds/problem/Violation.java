package org.grantflow.funds.problem;

/** One broken rule: a stable code, the request field concerned and a message for people. */
public record Violation(String code, String field, String message) {
}
