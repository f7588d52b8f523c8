package org.grantflow.funds.opendata;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.funds.commitment.Commitment;
import org.grantflow.funds.commitment.CommitmentLine;
import org.grantflow.funds.commitment.CommitmentRepository;
import org.grantflow.funds.fund.Fund;
import org.grantflow.funds.fund.FundRepository;
import org.grantflow.funds.payment.Payment;
import org.grantflow.funds.payment.PaymentRepository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Sort;

/**
 * The awards as a 360Giving Data Standard (1.4) grant package: one grant per commitment, with the
 * amount applied for and its application transaction (when the award request said what the bid asked
 * for), its commitment transactions (one per financial year) and disbursement transactions (payments,
 * and repayments as negative values), and the project's planned end. Amounts are JSON numbers, as the
 * standard wants.
 */
@ApplicationScoped
public class ThreeSixtyGivingExport {

    private static final String GBP = "GBP";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CommitmentRepository commitments;
    private final PaymentRepository payments;
    private final FundRepository funds;
    private final ThreeSixtyGivingConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ThreeSixtyGivingExport(CommitmentRepository commitments, PaymentRepository payments, FundRepository funds,
            ThreeSixtyGivingConfig config, ObjectMapper json, Clock clock) {
        this.commitments = commitments;
        this.payments = payments;
        this.funds = funds;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The grants of one fund, or of every fund when {@code fundId} is {@code null}. */
    @Transactional
    public ObjectNode export(UUID fundId) {
        List<Commitment> awards = fundId == null ? commitments.listAll(Sort.by("committedAt").and("id"))
                : commitments.list("fundId", Sort.by("committedAt").and("id"), fundId);
        Map<UUID, List<CommitmentLine>> lines = commitments.lines(awards.stream().map(c -> c.id).toList());
        Map<UUID, List<Payment>> paid = awards.isEmpty() ? Map.of()
                : payments.list("commitmentId IN ?1", Sort.by("paidOn").and("id"),
                        awards.stream().map(c -> c.id).toList()).stream()
                        .collect(Collectors.groupingBy(p -> p.commitmentId));
        Map<UUID, Fund> fundsById = funds.listAll().stream().collect(Collectors.toMap(f -> f.id, f -> f));
        String now = clock.instant().toString();

        ObjectNode pack = json.createObjectNode();
        pack.put("version", "1.4");
        pack.put("title", config.funderName() + " grants");
        pack.put("modified", now);
        ArrayNode grants = pack.putArray("grants");
        for (Commitment award : awards) {
            grants.add(grant(award, lines.getOrDefault(award.id, List.of()), paid.getOrDefault(award.id, List.of()),
                    fundsById.get(award.fundId), now));
        }
        return pack;
    }

    private ObjectNode grant(Commitment award, List<CommitmentLine> lines, List<Payment> paid, Fund fund,
            String now) {
        String id = config.prefix() + "-" + award.id;
        String title = award.title == null || award.title.isBlank() ? "Grant to " + recipientName(award) : award.title;
        BigDecimal released = lines.stream().map(l -> l.released).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal disbursed = paid.stream().map(ThreeSixtyGivingExport::signed).reduce(BigDecimal.ZERO,
                BigDecimal::add);

        ObjectNode grant = json.createObjectNode();
        grant.put("id", id);
        grant.put("title", title);
        grant.put("description", title + (award.roundName == null ? "" : " (" + award.roundName + ")"));
        grant.put("currency", GBP);
        if (award.amountRequested != null) {
            grant.put("amountAppliedFor", award.amountRequested);
        }
        grant.put("amountAwarded", award.amount.subtract(released));
        grant.put("amountDisbursed", disbursed);
        grant.put("awardDate", award.committedAt.toString());
        grant.put("dateModified", now);
        grant.putArray("recipientOrganization").addObject()
                .put("id", config.prefix() + "-org-" + award.organisationId)
                .put("name", recipientName(award));
        grant.putArray("fundingOrganization").addObject()
                .put("id", config.funderId())
                .put("name", config.funderName());
        if (fund != null) {
            grant.putArray("grantProgramme").addObject().put("code", fund.code).put("title", fund.name);
        }
        if (award.projectEndDate != null) {
            grant.putArray("plannedDates").addObject()
                    .put("startDate", award.committedAt.toString())
                    .put("endDate", startOfDay(award.projectEndDate));
        }
        if (award.amountRequested != null) {
            grant.putArray("applicationTransaction").addObject()
                    .put("id", id + "-application")
                    .put("currency", GBP)
                    .put("value", award.amountRequested)
                    .put("description", "Amount applied for");
        }
        ArrayNode committed = grant.putArray("commitmentTransaction");
        for (CommitmentLine line : lines) {
            committed.addObject()
                    .put("id", id + "-commitment-" + line.financialYear.replace('/', '-'))
                    .put("transactionDate", award.committedAt.toString())
                    .put("currency", GBP)
                    .put("value", line.committed.subtract(line.released))
                    .put("description", "Committed from the " + line.financialYear + " budget");
        }
        ArrayNode disbursements = grant.putArray("disbursementTransaction");
        for (Payment payment : paid) {
            disbursements.addObject()
                    .put("id", id + "-payment-" + payment.id)
                    .put("transactionDate", startOfDay(payment.paidOn))
                    .put("currency", GBP)
                    .put("value", signed(payment))
                    .put("description", payment.kind == Payment.Kind.PAYMENT ? "Payment" : "Repayment");
        }
        return grant;
    }

    /**
     * A day as the start of that day in UK time, with its offset: the standard's date fields accept a
     * plain date only where a validator asserts formats, a full date-time everywhere.
     */
    private static String startOfDay(LocalDate day) {
        return day.atStartOfDay(UK).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String recipientName(Commitment award) {
        return award.organisationName == null || award.organisationName.isBlank() ? award.organisationId
                : award.organisationName;
    }

    private static BigDecimal signed(Payment payment) {
        return payment.kind == Payment.Kind.REPAYMENT ? payment.amount.negate() : payment.amount;
    }
}
