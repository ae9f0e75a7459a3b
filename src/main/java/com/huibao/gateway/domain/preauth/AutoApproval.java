package com.huibao.gateway.domain.preauth;

import com.huibao.gateway.domain.coverage.GenericName;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PreAuthRules;
import com.huibao.gateway.domain.plan.Responsibility;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The insurer's automatic approval ({@link PreAuthRules}): the drug is on a list of a responsibility of the plan that
 * requires pre-approval, the diagnosis is within that entry's indication (one of its diagnosis prefixes, when it
 * has any), and the supply is at most the plan's days. Anything else is queued for review, never denied here.
 */
public final class AutoApproval {
    private AutoApproval() {}

    /** The responsibility whose list holds the drug, and the entry. */
    public record Listed(Responsibility responsibility, ListEntry entry) {}

    /** Where the plan lists the drug among its pre-approved benefits, on that day. */
    public static Optional<Listed> listed(Plan plan, ListCatalog lists, DrugRef drug, LocalDate day) {
        for (Responsibility r : plan.responsibilities()) {
            if (!r.requiresPreapproval() || r.listId() == null) {
                continue;
            }
            ListVersion v = lists.inForce(r.listId(), day);
            if (v == null) {
                continue;
            }
            for (ListEntry e : v.entries()) {
                if (names(e, drug)) {
                    return Optional.of(new Listed(r, e));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the application may be approved at once (the plan's rules allowing it). */
    public static boolean approvable(PreAuthorization request, Plan plan, ListCatalog lists, LocalDate day) {
        PreAuthRules rules = plan.preAuthorization();
        if (!rules.autoApprove() || request.daysSupply() > rules.maxDaysSupply()) {
            return false;
        }
        return listed(plan, lists, request.drug(), day)
                .map(l -> l.entry().diagnosisPrefixes().isEmpty()
                        || request.diagnosis() != null
                                && l.entry().diagnosisPrefixes().stream().anyMatch(request.diagnosis()::startsWith))
                .orElse(false);
    }

    private static boolean names(ListEntry e, DrugRef drug) {
        if (e.match() == MatchLevel.GENERIC_NAME) {
            String key = GenericName.key(e.code());
            return key != null
                    && (key.equals(GenericName.key(drug.genericName())) || key.equals(GenericName.key(drug.code())));
        }
        if (drug.code() == null) {
            return false;
        }
        return e.match() == MatchLevel.PREFIX
                ? drug.code().startsWith(e.code())
                : drug.code().equals(e.code());
    }
}
