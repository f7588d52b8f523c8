package org.grantflow.funds.fund;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }
}
