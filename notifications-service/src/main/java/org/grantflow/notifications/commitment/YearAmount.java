package org.grantflow.notifications.commitment;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateData;

/** The part of an amount that falls in one financial year. */
@TemplateData
public record YearAmount(String financialYear, BigDecimal amount) {
}
