package org.grantflow.grants.fund;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What grants-service knows of a fund owned by funds-service: enough to open rounds for it. */
@Entity
public class Fund {

    @Schema(name = "FundStatus", description = "OPEN takes new rounds; CLOSED does not")
    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
