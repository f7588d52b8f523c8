package org.grantflow.funds.fund;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FundRepository implements PanacheRepositoryBase<Fund, UUID> {

    /** These funds, each with a shared lock until the transaction ends (taken in id order): a close waits for it. */
    public List<Fund> lockShared(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("FROM Fund WHERE id IN :ids ORDER BY id", Fund.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList();
    }

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** Whether a fund other than {@code exceptFundId} has this value as its code or cost centre. */
    public boolean referenceTaken(String codeOrCostCentre, UUID exceptFundId) {
        return exceptFundId == null ? count("code = ?1 OR costCentreCode = ?1", codeOrCostCentre) > 0
                : count("(code = ?1 OR costCentreCode = ?1) AND id <> ?2", codeOrCostCentre, exceptFundId) > 0;
    }

    /** The fund with this code, or else with this cost centre, or {@code null}. */
    public Fund findByCodeOrCostCentre(String codeOrCostCentre) {
        Fund byCode = find("code", codeOrCostCentre).firstResult();
        return byCode != null ? byCode : find("costCentreCode", codeOrCostCentre).firstResult();
    }
}
