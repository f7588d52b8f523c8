package org.grantflow.funds.ledger;

import java.util.UUID;

/** A fund in one financial year: the key of a balance row. */
public record FundYear(UUID fundId, String financialYear) {
}
