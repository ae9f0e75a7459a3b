package com.huibao.gateway.domain.preauth;

import com.huibao.gateway.domain.event.InsurerEvent;
import java.util.Locale;

/**
 * A pre-authorization changed state ({@code preauth.requested}, {@code .approved}, {@code .denied},
 * {@code .withdrawn}). The event names it and its state only: the insurer reads the application itself, which
 * needs the patient's {@code PRE_AUTHORIZATION} consent.
 */
public record PreAuthEvent(PreAuthorization preAuthorization) implements InsurerEvent {
    @Override
    public String insurerId() {
        return preAuthorization.insurerId();
    }

    @Override
    public String orderingKey() {
        return preAuthorization.policyNo();
    }

    /** {@code preauth.} and the state in lower case. */
    public String type() {
        return "preauth." + preAuthorization.state().name().toLowerCase(Locale.ROOT);
    }
}
