package org.grantflow.grants.eligibility;

import static org.grantflow.grants.eligibility.Applications.by;
import static org.grantflow.grants.eligibility.Applications.endingOn;
import static org.grantflow.grants.eligibility.Applications.profiled;
import static org.grantflow.grants.eligibility.Applications.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.grantflow.grants.problem.Violation;
import org.junit.jupiter.api.Test;

class ApplicantAndDurationRulesTest {

    private final EligibleApplicantsRule flyTippingGroup = new EligibleApplicantsRule(List.of("Fly Tipping Group"),
            List.of());
    private final EligibleApplicantsRule partnershipsOnly = new EligibleApplicantsRule(List.of(),
            List.of(OrganisationType.COMMUNITY_SAFETY_PARTNERSHIP));

    @Test
    void acceptsAMemberOfTheNamedGroupWhateverTheCase() {
        assertTrue(flyTippingGroup.check(by(new Applicant("nfu", "National Farmers Union", OrganisationType.OTHER,
                Set.of("fly tipping group")))).isEmpty());
    }

    @Test
    void refusesAnOrganisationOutsideTheNamedGroup() {
        Violation v = flyTippingGroup.check(by(new Applicant("charity-1", "Keep It Tidy", OrganisationType.CHARITY,
                Set.of()))).orElseThrow();
        assertEquals("ELIGIBLE_APPLICANT", v.code());
        assertEquals("organisationId", v.field());
        assertEquals("Only members of the Fly Tipping Group may bid in this round; Keep It Tidy is not one",
                v.message());
    }

    @Test
    void restrictsARoundToAnOrganisationType() {
        assertTrue(partnershipsOnly.check(by(new Applicant("csp-1", "A Community Safety Partnership",
                OrganisationType.COMMUNITY_SAFETY_PARTNERSHIP, Set.of()))).isEmpty());
        assertEquals("Only community safety partnerships may bid in this round; A District Council is not one",
                partnershipsOnly.check(by(Applications.COUNCIL)).orElseThrow().message());
    }

    @Test
    void refusesAnUnregisteredOrganisationWhenApplicantsAreRestricted() {
        assertEquals("ELIGIBLE_APPLICANT",
                flyTippingGroup.check(by(Applicant.unregistered("who-knows"))).orElseThrow().code());
    }

    @Test
    void allowsThreeFinancialYearsAndRefusesFour() {
        MaximumDurationRule threeYears = new MaximumDurationRule(3);
        assertTrue(threeYears.check(profiled("15000.00", year("2017/18", "5000.00"), year("2018/19", "5000.00"),
                year("2019/20", "5000.00"))).isEmpty());
        Violation v = threeYears.check(profiled("20000.00", year("2017/18", "5000.00"), year("2018/19", "5000.00"),
                year("2019/20", "5000.00"), year("2020/21", "5000.00"))).orElseThrow();
        assertEquals("MAXIMUM_DURATION", v.code());
        assertEquals("profile", v.field());
        assertEquals("Funding may be asked for at most 3 financial years; this bid's profile spans 4 financial years",
                v.message());
    }

    @Test
    void countsTheYearsBetweenTheFirstAndLastEvenWithAGap() {
        assertEquals("MAXIMUM_DURATION", new MaximumDurationRule(3).check(profiled("10000.00",
                year("2017/18", "5000.00"), year("2020/21", "5000.00"))).orElseThrow().code());
    }

    @Test
    void refusesAProfileThatDoesNotAddUpToTheAmountRequested() {
        ProfileAddsUpRule rule = new ProfileAddsUpRule();
        assertTrue(rule.check(profiled("15000.00", year("2017/18", "7500.00"), year("2018/19", "7500.00")))
                .isEmpty());
        Violation v = rule.check(profiled("15000.00", year("2017/18", "7500.00"), year("2018/19", "7499.99")))
                .orElseThrow();
        assertEquals("PROFILE", v.code());
        assertEquals("The yearly profile adds up to £14,999.99; this bid asks for £15,000.00", v.message());
    }

    @Test
    void refusesAProfileThatNamesAYearTwice() {
        assertEquals("The profile names 2017/18 more than once", new ProfileAddsUpRule().check(profiled("10000.00",
                year("2017/18", "5000.00"), year("2017/18", "5000.00"))).orElseThrow().message());
    }

    @Test
    void acceptsAProjectEndingOnTheSpendByDayAndRefusesOneEndingTheDayAfter() {
        SpendByRule rule = new SpendByRule(LocalDate.of(2017, 3, 31));
        assertTrue(rule.check(endingOn(LocalDate.of(2017, 3, 31))).isEmpty());
        Violation v = rule.check(endingOn(LocalDate.of(2017, 4, 1))).orElseThrow();
        assertEquals("SPEND_BY", v.code());
        assertEquals("projectEndDate", v.field());
        assertEquals("All money must be spent by 31 March 2017; this project ends on 1 April 2017", v.message());
    }

    @Test
    void asksForTheProjectEndDateWhenASpendByDateApplies() {
        assertEquals("projectEndDate", new SpendByRule(LocalDate.of(2017, 3, 31)).check(endingOn(null))
                .orElseThrow().field());
    }
}
