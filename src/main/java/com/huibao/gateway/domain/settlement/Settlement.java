package com.huibao.gateway.domain.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A basic-insurance settlement: header, diagnoses and fee lines. {@link #feedetail()} keeps the lines as sent (so
 * that errors can name their position); {@link #lines()} has them in the spec's line order (SPEC §3.8).
 */
public record Settlement(SetlInfo setlinfo, List<Diagnosis> diseinfo, List<FeeLine> feedetail, List<FeeLine> lines) {

  public Settlement {
    diseinfo = List.copyOf(diseinfo);
    feedetail = List.copyOf(feedetail);
    lines = List.copyOf(lines);
  }

  public static Settlement of(SetlInfo setlinfo, List<Diagnosis> diseinfo, List<FeeLine> feedetail) {
    return new Settlement(setlinfo, diseinfo, feedetail, LineOrder.sorted(feedetail));
  }

  public LocalDate setlDate() {
    return setlinfo.setlTime().toLocalDate();
  }

  /** The main diagnosis code ({@code maindiag_flag} "1"), if any. */
  public Optional<String> mainDiagnosis() {
    for (Diagnosis d : diseinfo) {
      if (d.main() && d.diagCode() != null) {
        return Optional.of(d.diagCode());
      }
    }
    return Optional.empty();
  }
}
