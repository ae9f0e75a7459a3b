package com.huibao.gateway.app.security;

/** Who a caller is (SPEC §1): a registered client's role, or a patient. */
public enum Role {
    HOSPITAL,
    /** A designated pharmacy (特约药店): tenant = its code in the institution registry. */
    PHARMACY,
    INSURER,
    DATA_FEED,
    PATIENT
}
