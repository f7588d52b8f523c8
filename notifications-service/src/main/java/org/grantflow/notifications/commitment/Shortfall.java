package org.grantflow.notifications.commitment;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateData;

/** A financial year in which the fund has less available than an award needs. */
@TemplateData
public record Shortfall(String financialYear, BigDecimal requested, BigDecimal available) {
}
