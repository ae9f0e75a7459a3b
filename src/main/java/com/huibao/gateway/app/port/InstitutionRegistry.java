package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.institution.Institutions;

/**
 * The registry of medical institutions (configuration, editable without a restart): what the engine looks up when a
 * settlement does not say it (a hospital's level, where it lies, its kind, the sets it belongs to).
 */
public interface InstitutionRegistry {
    /** The registry as it is now (an immutable snapshot). */
    Institutions current();
}
