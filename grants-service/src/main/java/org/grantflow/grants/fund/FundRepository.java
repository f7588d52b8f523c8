package org.grantflow.grants.fund;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {
}
