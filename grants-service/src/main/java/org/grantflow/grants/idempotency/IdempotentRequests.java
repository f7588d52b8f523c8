package org.grantflow.grants.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes a creating request safe to retry. The key is claimed with an insert before the work is done,
 * in the caller's transaction: a concurrent request with the same key waits on the primary key until
 * the first commits, then replays its answer; if the first rolled back, the second does the work.
 * Only answers that created something are remembered; a refusal leaves no trace and may be retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;
    public static final String DESCRIPTION = "Any unique string of up to 200 characters (e.g. a UUID) per intended "
            + "creation. A retry with the same key and body answers the first result and creates nothing; the same "
            + "key with another body gets 422 idempotency-key-reused. Keys are scoped to the caller.";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param caller who asks; keys are scoped to the caller
     * @param key the Idempotency-Key header, or null to just do the work
     * @param operation what is asked, e.g. {@code POST /api/v1/bids}; part of the fingerprint
     * @param request the parsed request body; the same key with another body is refused
     * @param answer the type of the answer, to replay it
     * @param work creates the thing and returns the answer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(String caller, String key, String operation, Object request, Class<T> answer,
            Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException(400, "invalid-request", "The request is not valid",
                    "The Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters",
                    List.of(new Violation("IDEMPOTENCY_KEY", HEADER,
                            "must be 1 to " + MAX_KEY_LENGTH + " characters")));
        }
        String fingerprint = fingerprint(operation, request);
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at)
                VALUES (:caller, :key, :fingerprint, :at) ON CONFLICT DO NOTHING""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("fingerprint", fingerprint)
                .setParameter("at", clock.instant()).executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, fingerprint, answer);
        }
        T result = work.get();
        em.createNativeQuery("""
                UPDATE idempotency_key SET status = 201, response = :response
                WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("response", write(result)).setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
        return result;
    }

    private <T> T replay(String caller, String key, String fingerprint, Class<T> answer) {
        Object[] first = (Object[]) em.createNativeQuery("""
                SELECT fingerprint, response FROM idempotency_key WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getSingleResult();
        if (!fingerprint.equals(first[0]) || first[1] == null) {
            throw DomainException.unprocessable("idempotency-key-reused", "The Idempotency-Key was used for another request",
                    new Violation("IDEMPOTENCY_KEY_REUSED", HEADER, "The key '" + key
                            + "' was already used for a different request; send a new key for a new request"));
        }
        try {
            return json.readValue((String) first[1], answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored answer for key " + key, e);
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
        }
    }
}
