package com.huibao.gateway.app.settlement;

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

  /** A hospital acts only on its own settlements ({@code fixmedins_code}). */
  public static void ownedBy(Principal hospital, Settlement s) {
    if (!hospital.tenant().equals(s.setlinfo().fixmedinsCode())) {
      throw new Failure.Forbidden("TENANT_MISMATCH", "setlinfo.fixmedins_code " + s.setlinfo().fixmedinsCode()
          + " is not the calling hospital's code");
    }
  }
}
