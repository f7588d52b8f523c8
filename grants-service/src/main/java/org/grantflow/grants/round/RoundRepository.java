package org.grantflow.grants.round;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoundRepository implements PanacheRepositoryBase<Round, UUID> {
}
