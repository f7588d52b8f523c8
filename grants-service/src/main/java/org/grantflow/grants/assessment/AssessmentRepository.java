package org.grantflow.grants.assessment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public List<Assessment> ofBid(UUID bidId) {
        return list("bidId = ?1 ORDER BY assessedAt, id", bidId);
    }
}
