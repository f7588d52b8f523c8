package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.grantflow.grants.eligibility.Applicant;
import org.grantflow.grants.eligibility.Application;
import org.grantflow.grants.eligibility.MatchFunding;
import org.grantflow.grants.eligibility.PlanPriority;
import org.grantflow.grants.eligibility.YearAmount;
import org.grantflow.grants.problem.Violation;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A request for money in a round, made by one applicant organisation. */
@Entity
@DynamicUpdate // a status change updates its few columns, not the applicant's JSON documents
public class Bid {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Column(name = "amount_requested", nullable = false, precision = 14, scale = 2)
    public BigDecimal amountRequested;

    @Column(name = "total_project_cost", precision = 14, scale = 2)
    public BigDecimal totalProjectCost;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "match_funding", nullable = false)
    public List<MatchFunding> matchFunding = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<YearAmount> profile = new ArrayList<>();

    @Column(name = "project_end_date")
    public LocalDate projectEndDate;

    @Column(name = "sub_funding")
    public Boolean subFunding;

    @Column(name = "board_endorsement")
    public Boolean boardEndorsement;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plan_priorities", nullable = false)
    public Set<PlanPriority> planPriorities = new LinkedHashSet<>();

    @Column(name = "evaluation_plan")
    public String evaluationPlan;

    @Column(name = "sustainability_plan")
    public String sustainabilityPlan;

    /** Why the bid was found ineligible when it was submitted; empty otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligibility_violations", nullable = false)
    public List<Violation> eligibilityViolations = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BidStatus status;

    /** The mean of the assessors' weighted scores, out of 10. */
    @Column(name = "assessment_score", precision = 5, scale = 2)
    public BigDecimal assessmentScore;

    @Column(name = "award_amount", precision = 14, scale = 2)
    public BigDecimal awardAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "award_profile", nullable = false)
    public List<YearAmount> awardProfile = new ArrayList<>();

    /** The commitment funds-service made for the award. */
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    public long version;

    /** Takes what the applicant wrote; amounts to pence. */
    public void write(BidDetails details) {
        title = details.title();
        summary = details.summary();
        amountRequested = money(details.amountRequested());
        totalProjectCost = money(details.totalProjectCost());
        matchFunding = details.matchFunding() == null ? new ArrayList<>()
                : details.matchFunding().stream().map(m -> new MatchFunding(m.source(), money(m.amount())))
                        .collect(Collectors.toCollection(ArrayList::new));
        profile = details.profile() == null ? new ArrayList<>()
                : details.profile().stream().map(y -> new YearAmount(y.financialYear(), money(y.amount())))
                        .collect(Collectors.toCollection(ArrayList::new));
        projectEndDate = details.projectEndDate();
        subFunding = details.subFunding();
        boardEndorsement = details.boardEndorsement();
        planPriorities = details.planPriorities() == null ? new LinkedHashSet<>()
                : new LinkedHashSet<>(details.planPriorities());
        evaluationPlan = details.evaluationPlan();
        sustainabilityPlan = details.sustainabilityPlan();
    }

    public BidDetails details() {
        return new BidDetails(title, summary, amountRequested, totalProjectCost, matchFunding, profile,
                projectEndDate, subFunding, boardEndorsement, List.copyOf(planPriorities), evaluationPlan,
                sustainabilityPlan);
    }

    public Application application(Applicant applicant, Instant at) {
        return details().application(applicant, at);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }
}
