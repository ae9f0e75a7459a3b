package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;

/** One {@code feedetail} line of a settlement. */
public record FeeLine(
    String feedetlSn,
    String medListCodg,
    String medinsListName,
    String medChrgitmType,
    String chrgitmLv,
    BigDecimal cnt,
    BigDecimal pric,
    Money detItemFeeSumamt,
    Money fulamtOwnpayAmt,
    Money overlmtAmt,
    Money preselfpayAmt,
    Money inscpScpAmt,
    BigDecimal selfpayProp,
    /* 特药/限制使用 pre-approval number; null or blank when none */
    String preapprovalNo) {

  /** {@code fulamt_ownpay_amt + overlmt_amt}: the part outside the insurance catalogue (SPEC §3.1). */
  public Money outOfList() {
    return fulamtOwnpayAmt.plus(overlmtAmt);
  }

  public boolean hasPreapproval() {
    return preapprovalNo != null && !preapprovalNo.isBlank();
  }
}
