package org.grantflow.notifications;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the service's tables directly, in a transaction of its own, for what the API does not show. */
public final class Rows {

    private Rows() {
    }

    /** {@code SELECT count(*) …} with named parameters given as name, value, name, value… */
    public static long count(EntityManager em, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i += 2) {
                query.setParameter((String) parameters[i], parameters[i + 1]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
