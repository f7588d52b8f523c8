package org.grantflow.grants.bid;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BidRepository implements PanacheRepositoryBase<Bid, UUID> {
}
