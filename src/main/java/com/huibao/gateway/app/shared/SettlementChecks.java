package com.huibao.gateway.app.shared;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.util.List;

/** The checks every settlement passes before it is adjudicated or stored. */
public final class SettlementChecks {
    private final SettlementValidator validator;

    public SettlementChecks(SettlementValidator validator) {
        this.validator = validator;
    }

    /** Every sum identity of the settlement's region profile; all violations at once. */
    public void consistent(Settlement s) {
        List<Violation> violations = validator.validate(s);
        if (!violations.isEmpty()) {
            throw InvalidDocumentException.inconsistent(violations);
        }
    }

    /**
     * Only a settlement is confirmed, stored or paid: a pre-settlement (2206/2303) is a preview of one, and its
     * amounts may still change.
     */
    public static void settled(Settlement s) {
        if (s.provenance().isPreSettlement()) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "infno",
                    "PRE_SETTLEMENT",
                    "infno " + s.provenance().infno()
                            + " is a pre-settlement: preview it, but confirm, store or claim only "
                            + "the settlement (2207/2304) that follows")));
        }
        if (s.setlinfo().setlId() == null) {
            throw InvalidDocumentException.inconsistent(
                    List.of(new Violation("setlinfo.setl_id", "REQUIRED", "setlinfo.setl_id is required")));
        }
    }

    /** A hospital acts only on its own settlements ({@code fixmedins_code}). */
    public static void ownedBy(Principal hospital, Settlement s) {
        if (!hospital.tenant().equals(s.setlinfo().fixmedinsCode())) {
            throw new Failure.Forbidden(
                    "TENANT_MISMATCH",
                    "setlinfo.fixmedins_code " + s.setlinfo().fixmedinsCode() + " is not the calling hospital's code");
        }
    }
}
