package org.grantflow.notifications.notification;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Reads notifications in one query, so that finding each of them later in the transaction asks nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("SELECT * FROM notification WHERE id = ANY (:ids)", Notification.class)
                    .setParameter("ids", ids.toArray(UUID[]::new))
                    .getResultList();
        }
    }
}
