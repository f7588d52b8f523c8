package org.grantflow.grants.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.grantflow.grants.api.ExpiringCache;
import org.grantflow.grants.api.Filter;
import org.grantflow.grants.eligibility.Applicant;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.eligibility.OrganisationType;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.security.Caller;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final IdempotentRequests idempotency;
    private final Clock clock;
    private final ExpiringCache<String, Applicant> applicants = new ExpiringCache<>(Duration.ofSeconds(5), 10_000);

    OrganisationService(OrganisationRepository organisations, IdempotentRequests idempotency, Clock clock) {
        this.organisations = organisations;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public OrganisationView register(RegisterOrganisationRequest request, String admin, String idempotencyKey) {
        return idempotency.once(admin, idempotencyKey, "POST /api/v1/organisations", request,
                OrganisationView.class, () -> register(request));
    }

    private OrganisationView register(RegisterOrganisationRequest request) {
        if (organisations.findByIdOptional(request.id()).isPresent()) {
            throw DomainException.conflict("organisation-id-taken", "The organisation id is taken",
                    "An organisation with id " + request.id() + " is already registered");
        }
        Instant now = clock.instant();
        Organisation organisation = new Organisation();
        organisation.id = request.id();
        organisation.write(request.details());
        organisation.createdAt = now;
        organisation.updatedAt = now;
        organisations.persist(organisation);
        applicants.evict(organisation.id);
        return OrganisationView.of(organisation);
    }

    @Transactional
    public OrganisationView update(String id, long expectedVersion, OrganisationDetails details) {
        Organisation organisation = organisations.findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("organisation", id));
        if (organisation.version != expectedVersion) {
            throw stale(organisation);
        }
        organisation.write(details);
        organisation.updatedAt = clock.instant();
        applicants.evict(organisation.id);
        try {
            organisations.flush();
        } catch (OptimisticLockException e) {
            throw stale(organisation);
        }
        return OrganisationView.of(organisation);
    }

    /** A partner sees only its own organisation. */
    @Transactional
    public OrganisationView get(String id, Caller caller) {
        return organisations.findByIdOptional(id).filter(o -> caller.maySee(o.id)).map(OrganisationView::of)
                .orElseThrow(() -> DomainException.notFound("organisation", id));
    }

    @Transactional
    public Page<OrganisationView> list(OrganisationType type, int page, int size) {
        Filter filter = new Filter().equal("type", type);
        return Page.of(organisations.find(filter.query(), Sort.by("name").and("id"), filter.parameters()), page,
                size, OrganisationView::of);
    }

    /**
     * The organisation as eligibility rules see it, for a check that saves nothing: read at most every few seconds,
     * and again at once after this instance changes it. One not registered has no type and no memberships.
     */
    public Applicant applicant(String id) {
        return applicants.get(id, key -> organisations.findByIdOptional(key).map(Organisation::applicant)
                .orElseGet(() -> Applicant.unregistered(key)));
    }

    /** The organisation with this id, if registered; for other features of the service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Organisation> find(String id) {
        return organisations.findByIdOptional(id);
    }

    private static DomainException stale(Organisation organisation) {
        return DomainException.conflict("stale-version", "The organisation has changed",
                "The organisation is at version " + organisation.version + "; read it again and send its ETag in If-Match");
    }
}
