package org.grantflow.notifications.round;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnownRoundRepository implements PanacheRepositoryBase<KnownRound, UUID> {
}
