package org.grantflow.grants.api;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds a Panache query from the optional filters of a list request: absent filters are left out. */
public final class Filter {

    private final StringJoiner where = new StringJoiner(" AND ");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code field = :field} when {@code value} is given. */
    public Filter equal(String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.put(field, value);
        }
        return this;
    }

    /** Adds {@code field <> :notField} when {@code value} is given. */
    public Filter notEqual(String field, Object value) {
        if (value != null) {
            String name = "not" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            where.add(field + " <> :" + name);
            parameters.put(name, value);
        }
        return this;
    }

    public String query() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
