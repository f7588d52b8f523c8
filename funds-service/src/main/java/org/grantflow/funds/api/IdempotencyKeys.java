package org.grantflow.funds.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is claimed in the same transaction as the
 * creation, so either both commit or neither does; a concurrent retry waits on the claim's row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyKeys(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Claims the key for this request. Empty when the key is new (go on and {@link #remember} the
     * answer); the first answer when the same request came before.
     *
     * @throws DomainException 422 {@code idempotency-key-reused} when the key came with another request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> claim(String caller, String key, Object request, Class<T> answerType) {
        String hash = hash(request);
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at)
                VALUES (:caller, :key, :hash, :at) ON CONFLICT (caller, idempotency_key) DO NOTHING""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("at", clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] first = (Object[]) em.createNativeQuery("""
                SELECT request_hash, response_body FROM idempotency_key
                WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .getSingleResult();
        if (!hash.equals(first[0])) {
            throw new DomainException(422, "idempotency-key-reused", "The Idempotency-Key was used for another request",
                    "Idempotency-Key " + key + " came before with a different request; use a new key",
                    List.of(new Violation("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                            "This key was sent before with a different body")));
        }
        try {
            return Optional.of(json.readValue((String) first[1], answerType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer for key " + key + " cannot be read", e);
        }
    }

    /** Stores the answer to the request that claimed the key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String caller, String key, int status, Object answer) {
        try {
            em.createNativeQuery("""
                    UPDATE idempotency_key SET response_status = :status, response_body = :body
                    WHERE caller = :caller AND idempotency_key = :key""")
                    .setParameter("status", status)
                    .setParameter("body", json.writeValueAsString(answer))
                    .setParameter("caller", caller)
                    .setParameter("key", key)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the answer for key " + key, e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
