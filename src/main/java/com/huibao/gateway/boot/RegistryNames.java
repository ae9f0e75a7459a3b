package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.http.auth.ClientRegistry;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.domain.institution.Institution;

/** Names from the reference data: the institution registry and the client registrations' display names. */
final class RegistryNames implements Names {
    private final InstitutionDirectory institutions;
    private final ClientRegistry clients;

    RegistryNames(InstitutionDirectory institutions, ClientRegistry clients) {
        this.institutions = institutions;
        this.clients = clients;
    }

    @Override
    public String insurer(String insurerId) {
        String name = clients.displayName(Role.INSURER, insurerId);
        return name != null ? name : insurerId;
    }

    @Override
    public String institution(String fixmedinsCode) {
        if (fixmedinsCode == null) {
            return null;
        }
        Institution i = institutions.current().find(fixmedinsCode);
        if (i != null && i.name() != null) {
            return i.name();
        }
        String name = clients.displayName(Role.HOSPITAL, fixmedinsCode);
        if (name == null) {
            name = clients.displayName(Role.PHARMACY, fixmedinsCode);
        }
        return name != null ? name : fixmedinsCode;
    }
}
