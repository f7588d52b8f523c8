package org.grantflow.grants.bid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.eligibility.Applicant;
import org.grantflow.grants.eligibility.MatchFunding;
import org.grantflow.grants.eligibility.OrganisationType;
import org.grantflow.grants.eligibility.PlanPriority;
import org.grantflow.grants.eligibility.YearAmount;
import org.grantflow.grants.outbox.OutboxEvent;
import org.grantflow.grants.problem.Violation;
import org.grantflow.grants.round.Round;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Submissions in plain SQL on the transaction's connection: one statement locks a group of bids and
 * reads with them everything the rules and the events need; one batch (a single round trip) moves
 * them, records each move and writes each event. Submission is the busiest write of the service;
 * through the entity manager it took a dozen statements per bid (loading, dirty-checking the JSON
 * documents, flushing before each query). Every other change of a bid goes through
 * {@link BidHistory} and the entity.
 */
@ApplicationScoped
public class BidSubmissions {

    /** Hibernate's own mapper reads and writes the JSON columns ({@code mapping.format.global=ignore}); so does this. */
    private static final ObjectMapper COLUMNS = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<MatchFunding>> MATCH_FUNDING = new TypeReference<>() {
    };
    private static final TypeReference<List<YearAmount>> YEAR_AMOUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<PlanPriority>> PRIORITIES = new TypeReference<>() {
    };
    private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String LOCK = """
            SELECT b.id, b.round_id, b.organisation_id, b.title, b.summary, b.amount_requested, b.total_project_cost,
                   b.match_funding, b.profile, b.project_end_date, b.sub_funding, b.board_endorsement,
                   b.plan_priorities, b.evaluation_plan, b.sustainability_plan, b.status, b.eligibility_violations,
                   b.assessment_score, b.award_amount, b.award_profile, b.commitment_id, b.created_by, b.created_at,
                   b.submitted_at, b.version,
                   r.status AS round_status,
                   o.id AS registered, o.name AS organisation_name, o.type AS organisation_type, o.memberships,
                   o.contact_emails
            FROM bid b
            JOIN round r ON r.id = b.round_id
            LEFT JOIN organisation o ON o.id = b.organisation_id
            WHERE b.id = ANY (?)
            ORDER BY b.id
            FOR UPDATE OF b""";

    private static final String MOVE = """
            WITH moved AS (
                UPDATE bid SET status = ?, submitted_at = ?, eligibility_violations = CAST(? AS JSONB),
                               version = version + 1
                WHERE id = ? AND status = ?
                RETURNING id),
            change AS (
                INSERT INTO bid_status_change (bid_id, from_status, to_status, changed_by, changed_at, reason)
                SELECT id, ?, ?, ?, ?, ? FROM moved)
            INSERT INTO outbox_event (id, topic, message_key, type, envelope, created_at)
            SELECT ?, ?, ?, ?, ?, ? FROM moved""";

    private final DataSource dataSource;

    BidSubmissions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A bid about to be submitted, locked until the transaction ends, with its round's status and its
     * organisation as the rules and the event see it.
     *
     * @param organisationName {@code null} when the organisation is not registered
     */
    public record Draft(Bid bid, Round.Status roundStatus, Applicant applicant, String organisationName,
            List<String> contactEmails) {
    }

    /**
     * A bid's move to its new status, with who, why and the event that announces it; the bid in
     * memory already shows it.
     */
    public record Move(Bid bid, BidStatus from, String who, String why, OutboxEvent event) {
    }

    /**
     * Locks bids for the rest of the transaction, in the order of their ids (so that two groups never
     * wait for each other), and reads them.
     *
     * @return the drafts by bid id; an id with no bid is missing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Draft> lock(Collection<UUID> ids) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            Map<UUID, Draft> drafts = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Draft draft = draft(row);
                    drafts.put(draft.bid().id, draft);
                }
            }
            return drafts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock bids " + ids, e);
        }
    }

    /**
     * Moves a locked bid to its new status in memory, stamping {@code submittedAt}; {@link #write}
     * makes it so in the database.
     */
    public Move move(Bid bid, BidStatus to, String who, String why, OutboxEvent event) {
        Move move = new Move(bid, bid.status, who, why, event);
        bid.status = to;
        bid.version++;
        return move;
    }

    /** Writes the moves, their history rows and their events, in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement write = connection.prepareStatement(MOVE)) {
            for (Move move : moves) {
                bind(write, move);
                write.addBatch();
            }
            int[] written = write.executeBatch();
            for (int i = 0; i < written.length; i++) {
                if (written[i] != 1) {
                    Move move = moves.get(i);
                    throw new IllegalStateException("Bid " + move.bid().id + " was not " + move.from() + " although locked");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + moves.size() + " submissions", e);
        }
    }

    private static void bind(PreparedStatement write, Move move) throws SQLException {
        Bid bid = move.bid();
        OutboxEvent event = move.event();
        int p = 0;
        write.setString(++p, bid.status.name());
        write.setTimestamp(++p, Timestamp.from(bid.submittedAt));
        try {
            write.setString(++p, COLUMNS.writeValueAsString(bid.eligibilityViolations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write.setObject(++p, bid.id);
        write.setString(++p, move.from().name());
        write.setString(++p, move.from().name());
        write.setString(++p, bid.status.name());
        write.setString(++p, move.who());
        write.setTimestamp(++p, Timestamp.from(bid.submittedAt));
        write.setString(++p, move.why());
        write.setObject(++p, event.id);
        write.setString(++p, event.topic);
        write.setString(++p, event.messageKey);
        write.setString(++p, event.type);
        write.setString(++p, event.envelope);
        write.setTimestamp(++p, Timestamp.from(event.createdAt));
    }

    private static Draft draft(ResultSet row) throws SQLException {
        Bid bid = new Bid();
        bid.id = row.getObject("id", UUID.class);
        bid.roundId = row.getObject("round_id", UUID.class);
        bid.organisationId = row.getString("organisation_id");
        bid.title = row.getString("title");
        bid.summary = row.getString("summary");
        bid.amountRequested = row.getBigDecimal("amount_requested");
        bid.totalProjectCost = row.getBigDecimal("total_project_cost");
        bid.matchFunding = new ArrayList<>(json(row, "match_funding", MATCH_FUNDING));
        bid.profile = new ArrayList<>(json(row, "profile", YEAR_AMOUNTS));
        Date end = row.getDate("project_end_date");
        bid.projectEndDate = end == null ? null : end.toLocalDate();
        bid.subFunding = bool(row, "sub_funding");
        bid.boardEndorsement = bool(row, "board_endorsement");
        bid.planPriorities = new LinkedHashSet<>(json(row, "plan_priorities", PRIORITIES));
        bid.evaluationPlan = row.getString("evaluation_plan");
        bid.sustainabilityPlan = row.getString("sustainability_plan");
        bid.status = BidStatus.valueOf(row.getString("status"));
        bid.eligibilityViolations = new ArrayList<>(json(row, "eligibility_violations", VIOLATIONS));
        bid.assessmentScore = row.getBigDecimal("assessment_score");
        bid.awardAmount = row.getBigDecimal("award_amount");
        bid.awardProfile = new ArrayList<>(json(row, "award_profile", YEAR_AMOUNTS));
        bid.commitmentId = row.getObject("commitment_id", UUID.class);
        bid.createdBy = row.getString("created_by");
        bid.createdAt = instant(row, "created_at");
        bid.submittedAt = instant(row, "submitted_at");
        bid.version = row.getLong("version");

        Round.Status roundStatus = Round.Status.valueOf(row.getString("round_status"));
        if (row.getString("registered") == null) {
            return new Draft(bid, roundStatus, Applicant.unregistered(bid.organisationId), null, List.of());
        }
        String name = row.getString("organisation_name");
        Set<String> memberships = Set.copyOf(json(row, "memberships", STRINGS));
        Applicant applicant = new Applicant(bid.organisationId, name,
                OrganisationType.valueOf(row.getString("organisation_type")), memberships);
        return new Draft(bid, roundStatus, applicant, name, List.copyOf(json(row, "contact_emails", STRINGS)));
    }

    private static <T> List<T> json(ResultSet row, String column, TypeReference<List<T>> type) throws SQLException {
        String value = row.getString(column);
        try {
            return value == null ? List.of() : COLUMNS.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException("Column " + column + " does not hold the expected JSON", e);
        }
    }

    private static Boolean bool(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
