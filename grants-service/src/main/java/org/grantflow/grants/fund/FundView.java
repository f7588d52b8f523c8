package org.grantflow.grants.fund;

import java.util.UUID;

/** A fund rounds can be opened for. */
public record FundView(UUID id, String code, String name, Fund.Status status) {

    static FundView of(Fund fund) {
        return new FundView(fund.id, fund.code, fund.name, fund.status);
    }
}
