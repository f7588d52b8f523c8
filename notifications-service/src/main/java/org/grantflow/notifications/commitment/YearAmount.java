package org.grantflow.notifications.commitment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/** The part of an amount that falls in one financial year. */
@TemplateData
public record YearAmount(String financialYear, BigDecimal amount) {

    /** Reads a profile: an array of {@code {financialYear, amount}}. */
    public static List<YearAmount> listOf(JsonNode profile) {
        List<YearAmount> years = new ArrayList<>();
        for (JsonNode year : profile) {
            try {
                years.add(new YearAmount(year.path("financialYear").asText(),
                        new BigDecimal(year.path("amount").asText())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unreadable amount in profile: " + year, e);
            }
        }
        return years;
    }
}
