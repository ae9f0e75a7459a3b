package com.huibao.gateway.domain.pricing;

import java.time.LocalDate;

/**
 * One insured person of a pricing study, already de-identified: {@code person} is the keyed pseudonym of their
 * identity number. The facts a city plan prices on: the enrolment window (the plan year, or part of it), the edition
 * bought, consecutive claim-free editions (deductible tiers) and pre-existing status.
 */
public record Member(
        String person,
        LocalDate enrolledFrom,
        LocalDate enrolledTo,
        String edition,
        int claimFreeEditions,
        boolean preexisting) {}
