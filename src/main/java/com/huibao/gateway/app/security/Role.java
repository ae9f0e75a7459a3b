package com.huibao.gateway.app.security;

/** Who a caller is (SPEC §1): a registered client's role, or a patient. */
public enum Role {
    HOSPITAL,
    INSURER,
    DATA_FEED,
    PATIENT
}
