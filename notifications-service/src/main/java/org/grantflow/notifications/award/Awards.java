package org.grantflow.notifications.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The read model of awards and their payments. Award events (grants.bid.events) and money events
 * (funds.commitment.events) come on different topics, so each may arrive first: every method
 * creates the award's row if needed and only fills in what its event knows.
 */
@ApplicationScoped
public class Awards implements PanacheRepositoryBase<KnownAward, UUID> {

    private final Clock clock;

    Awards(Clock clock) {
        this.clock = clock;
    }

    /** The final award from grants-service: what it says is authoritative. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownAward awarded(UUID bidId, String organisationId, UUID roundId, String title, BigDecimal amount,
            UUID commitmentId, LocalDate spendBy, LocalDate projectEndDate, boolean evaluationRequired) {
        KnownAward award = award(bidId, organisationId);
        award.roundId = roundId;
        award.title = title;
        award.amount = amount;
        award.commitmentId = commitmentId;
        award.spendBy = spendBy;
        award.projectEndDate = projectEndDate;
        award.evaluationRequired = evaluationRequired;
        return award;
    }

    /** The commitment from funds-service, which may come before the award. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void committed(UUID bidId, String organisationId, UUID commitmentId, BigDecimal amount) {
        KnownAward award = award(bidId, organisationId);
        award.commitmentId = commitmentId;
        if (award.amount == null) {
            award.amount = amount;
        }
    }

    /** Part of the commitment was given back: it will not be paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void released(UUID bidId, String organisationId, BigDecimal amount) {
        KnownAward award = award(bidId, organisationId);
        award.released = award.released.add(amount);
    }

    /** Records a payment (or repayment) once, whatever the order of events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(UUID paymentId, UUID bidId, boolean repayment, BigDecimal amount, LocalDate paidOn) {
        getEntityManager().createNativeQuery("""
                INSERT INTO known_payment (payment_id, bid_id, kind, amount, paid_on)
                VALUES (:id, :bid, :kind, :amount, :paidOn) ON CONFLICT (payment_id) DO NOTHING""")
                .setParameter("id", paymentId)
                .setParameter("bid", bidId)
                .setParameter("kind", repayment ? "REPAYMENT" : "PAYMENT")
                .setParameter("amount", amount)
                .setParameter("paidOn", paidOn)
                .executeUpdate();
    }

    /** Paid to the organisation so far, less what it paid back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal paidSoFar(UUID bidId) {
        Object paid = getEntityManager().createNativeQuery("""
                SELECT COALESCE(SUM(CASE kind WHEN 'REPAYMENT' THEN -amount ELSE amount END), 0)
                FROM known_payment WHERE bid_id = :bid""")
                .setParameter("bid", bidId)
                .getSingleResult();
        return new BigDecimal(paid.toString());
    }

    /** What is still to be paid of an award: awarded − released − paid; {@code null} if the amount is unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal outstanding(KnownAward award) {
        return award.amount == null ? null : award.amount.subtract(award.released).subtract(paidSoFar(award.bidId));
    }

    private KnownAward award(UUID bidId, String organisationId) {
        KnownAward award = findById(bidId);
        if (award == null) {
            if (organisationId == null) {
                throw new IllegalArgumentException("the event names no organisation for the unknown award " + bidId);
            }
            award = new KnownAward();
            award.bidId = bidId;
            award.released = BigDecimal.ZERO;
            award.organisationId = organisationId;
            award.updatedAt = clock.instant();
            persist(award);
        } else if (organisationId != null) {
            award.organisationId = organisationId;
        }
        award.updatedAt = clock.instant();
        return award;
    }
}
