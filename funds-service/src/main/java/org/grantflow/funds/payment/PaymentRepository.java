package org.grantflow.funds.payment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public boolean referenceTaken(String financeReference) {
        return count("financeReference", financeReference) > 0;
    }
}
