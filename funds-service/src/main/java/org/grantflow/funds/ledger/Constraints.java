package org.grantflow.funds.ledger;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises which database constraint refused a write. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code e}, or one of its causes, is the violation of the named constraint. */
    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
            if (t.getMessage() != null && t instanceof java.sql.SQLException
                    && t.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }
}
