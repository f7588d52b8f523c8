package org.grantflow.funds.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.grantflow.funds.api.Filter;
import org.grantflow.funds.api.IdempotencyKeys;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.commitment.Commitment;
import org.grantflow.funds.commitment.CommitmentEvents;
import org.grantflow.funds.commitment.CommitmentLine;
import org.grantflow.funds.commitment.CommitmentRepository;
import org.grantflow.funds.ledger.Constraints;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.Ledger;
import org.grantflow.funds.ledger.LedgerEntryKind;
import org.grantflow.funds.ledger.Money;
import org.grantflow.funds.outbox.OutboxWriter;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;
import org.grantflow.funds.security.Caller;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PaymentService {

    public static final String RECORDED = "grantflow.payment.recorded.v1";

    private static final String REFERENCE_UNIQUE = "payment_finance_reference_unique";

    private final PaymentRepository payments;
    private final CommitmentRepository commitments;
    private final Ledger ledger;
    private final IdempotencyKeys idempotencyKeys;
    private final OutboxWriter outbox;
    private final Clock clock;

    PaymentService(PaymentRepository payments, CommitmentRepository commitments, Ledger ledger,
            IdempotencyKeys idempotencyKeys, OutboxWriter outbox, Clock clock) {
        this.payments = payments;
        this.commitments = commitments;
        this.ledger = ledger;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The payment, and whether it was recorded now or by an earlier request with the same key. */
    public record Recorded(PaymentView payment, boolean replayed) {
    }

    /**
     * Records a payment (or repayment) against one year of a commitment: the payment, the commitment
     * line, a ledger entry and the fund-year balance change together, and
     * {@code grantflow.payment.recorded.v1} is written to the outbox. A payment beyond what is left of
     * the commitment that year, or a repayment beyond what was paid, is refused; the database's CHECK
     * constraints refuse it too, should two payments race. A payment dated after the commitment's
     * spend-by date is recorded and flagged ({@code afterSpendBy}).
     *
     * @param idempotencyKey optional; with it a retried request answers the first payment again
     */
    @Transactional
    public Recorded record(UUID commitmentId, RecordPaymentRequest request, String idempotencyKey, String officer) {
        if (idempotencyKey != null) {
            Optional<PaymentView> first = idempotencyKeys.claim(officer, idempotencyKey,
                    new Keyed(commitmentId, request), PaymentView.class);
            if (first.isPresent()) {
                return new Recorded(first.get(), true);
            }
        }
        Commitment commitment = commitments.findByIdOptional(commitmentId)
                .orElseThrow(() -> DomainException.notFound("commitment", commitmentId));
        Payment.Kind kind = request.kind() == null ? Payment.Kind.PAYMENT : request.kind();
        String year = request.financialYear() != null ? FinancialYear.parse(request.financialYear())
                : FinancialYear.of(request.paidOn());
        if (payments.referenceTaken(request.financeReference())) {
            throw referenceTaken(request.financeReference());
        }
        CommitmentLine line = commitments.lockLine(commitmentId, year)
                .orElseThrow(() -> DomainException.unprocessable("not-committed-in-year",
                        "Nothing is committed in this year", new Violation("NOT_COMMITTED_IN_YEAR", "financialYear",
                                "The commitment has nothing in " + year + "; name the year to pay from")));
        BigDecimal amount = Money.exact(request.amount());
        if (kind == Payment.Kind.PAYMENT) {
            if (amount.compareTo(line.remaining()) > 0) {
                throw DomainException.unprocessable("over-payment", "The payment exceeds the commitment",
                        new Violation("OVER_PAYMENT", "amount", "Only " + Money.pounds(line.remaining())
                                + " of the commitment in " + year + " is left to pay; the payment is "
                                + Money.pounds(amount)));
            }
            line.paid = line.paid.add(amount);
            if (line.lastPaidOn == null || request.paidOn().isAfter(line.lastPaidOn)) {
                line.lastPaidOn = request.paidOn();
            }
            if (commitment.afterSpendBy(request.paidOn())) {
                line.paidAfterSpendBy = line.paidAfterSpendBy.add(amount);
            }
        } else {
            BigDecimal netPaid = line.paid.subtract(line.repaid);
            if (amount.compareTo(netPaid) > 0) {
                throw DomainException.unprocessable("repayment-exceeds-paid", "The repayment exceeds what was paid",
                        new Violation("REPAYMENT_EXCEEDS_PAID", "amount", "Only " + Money.pounds(netPaid)
                                + " was paid in " + year + "; the repayment is " + Money.pounds(amount)));
            }
            line.repaid = line.repaid.add(amount);
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.commitmentId = commitment.id;
        payment.fundId = commitment.fundId;
        payment.organisationId = commitment.organisationId;
        payment.financialYear = year;
        payment.kind = kind;
        payment.amount = amount;
        payment.paidOn = request.paidOn();
        payment.financeReference = request.financeReference();
        payment.invoiceReference = request.invoiceReference();
        payment.timing = kind == Payment.Kind.PAYMENT
                ? (request.timing() == null ? Payment.Timing.ARREARS : request.timing())
                : request.timing();
        payment.afterSpendBy = kind == Payment.Kind.PAYMENT && commitment.afterSpendBy(payment.paidOn);
        payment.recordedBy = officer;
        payment.recordedAt = clock.instant();
        try {
            payments.persistAndFlush(payment);
        } catch (PersistenceException e) {
            if (Constraints.violated(e, REFERENCE_UNIQUE)) {
                throw referenceTaken(request.financeReference());
            }
            throw e;
        }
        ledger.append(commitment.fundId, year,
                kind == Payment.Kind.PAYMENT ? LedgerEntryKind.PAYMENT : LedgerEntryKind.REPAYMENT, amount,
                commitment.id, kind + " " + payment.financeReference, officer);
        PaymentView view = PaymentView.of(payment);
        outbox.write(CommitmentEvents.TOPIC, RECORDED, commitment.bidId, new PaymentRecorded(payment.id,
                commitment.id, commitment.bidId, commitment.fundId, commitment.organisationId, kind, year, amount,
                payment.paidOn, payment.financeReference, payment.invoiceReference, payment.timing,
                commitment.spendBy, payment.afterSpendBy, officer, payment.recordedAt));
        if (idempotencyKey != null) {
            idempotencyKeys.remember(officer, idempotencyKey, 201, view);
        }
        return new Recorded(view, false);
    }

    @Transactional
    public PaymentView get(UUID id, Caller caller) {
        return payments.findByIdOptional(id).filter(p -> caller.maySee(p.organisationId)).map(PaymentView::of)
                .orElseThrow(() -> DomainException.notFound("payment", id));
    }

    /** Payments, newest first; a partner sees only its own organisation's. */
    @Transactional
    public Page<PaymentView> list(UUID commitmentId, UUID fundId, String financialYear, String organisationId,
            Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("commitmentId", commitmentId).equal("fundId", fundId)
                .equal("financialYear", financialYear == null ? null : FinancialYear.parse(financialYear))
                .equal("organisationId", organisation);
        PanacheQuery<Payment> query = payments.find(filter.query(),
                Sort.by("paidOn", Sort.Direction.Descending).and("recordedAt", Sort.Direction.Descending),
                filter.parameters());
        return Page.of(query, page, size, PaymentView::of);
    }

    private static DomainException referenceTaken(String reference) {
        return DomainException.conflict("finance-reference-taken", "The finance reference is recorded already",
                "A payment with finance reference " + reference + " is recorded already");
    }

    /** What an Idempotency-Key is bound to: the commitment paid and the body. */
    record Keyed(UUID commitmentId, RecordPaymentRequest request) {
    }

    /** The payload of {@code grantflow.payment.recorded.v1}. */
    public record PaymentRecorded(UUID paymentId, UUID commitmentId, UUID bidId, UUID fundId, String organisationId,
            Payment.Kind kind, String financialYear, BigDecimal amount, LocalDate paidOn, String financeReference,
            String invoiceReference, Payment.Timing timing, LocalDate spendBy, boolean afterSpendBy, String recordedBy,
            Instant recordedAt) {
    }
}
