package org.grantflow.funds.commitment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    /** The commitments of these bids, if any. */
    public List<Commitment> findByBids(Collection<UUID> bidIds) {
        return bidIds.isEmpty() ? List.of() : list("bidId IN ?1", bidIds);
    }

    public List<CommitmentLine> lines(UUID commitmentId) {
        return getEntityManager().createQuery(
                "FROM CommitmentLine WHERE commitmentId = :id ORDER BY financialYear", CommitmentLine.class)
                .setParameter("id", commitmentId)
                .getResultList();
    }

    /** The lines of these commitments, by commitment, years in order. */
    public Map<UUID, List<CommitmentLine>> lines(Collection<UUID> commitmentIds) {
        if (commitmentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery(
                "FROM CommitmentLine WHERE commitmentId IN :ids ORDER BY financialYear", CommitmentLine.class)
                .setParameter("ids", commitmentIds)
                .getResultList().stream()
                .collect(Collectors.groupingBy(l -> l.commitmentId));
    }

    /** One year's line of a commitment, locked until the transaction ends. */
    public Optional<CommitmentLine> lockLine(UUID commitmentId, String financialYear) {
        return getEntityManager().createQuery(
                "FROM CommitmentLine WHERE commitmentId = :id AND financialYear = :year", CommitmentLine.class)
                .setParameter("id", commitmentId)
                .setParameter("year", financialYear)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public void persistLine(CommitmentLine line) {
        getEntityManager().persist(line);
    }
}
