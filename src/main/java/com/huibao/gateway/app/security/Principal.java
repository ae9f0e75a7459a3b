package com.huibao.gateway.app.security;

/**
 * An authenticated caller: its client id (or patient subject), role and tenant (the hospital's
 * {@code fixmedins_code}, the insurer's {@code insurer_id}, or the patient's person key). Every read and write is
 * scoped by it.
 */
public record Principal(String id, Role role, String tenant) {}
