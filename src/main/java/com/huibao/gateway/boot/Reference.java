package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.http.auth.ClientRegistry;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.codec.DialectsJson;
import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.codec.SettlementReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference data read from files: the settlement reader with its regional profiles, the institution registry and
 * the registered clients (the last two re-read when their files change). Demo mode adds the demo directories.
 */
record Reference(SettlementReader reader, InstitutionDirectory institutions, ClientRegistry clients) {

    static Reference load(GatewayConfig config) {
        return new Reference(
                new SettlementReader(DialectsJson.load(config.reference().profilesDir())),
                new InstitutionDirectory(withDemo(config, config.reference().institutionsDir(), "institutions")),
                new ClientRegistry(withDemo(config, config.clientsDir(), "clients")));
    }

    /** Re-reads what changed on disk (off the event loop). */
    void reloadIfChanged() {
        clients.reloadIfChanged();
        institutions.reloadIfChanged();
    }

    private static List<Path> withDemo(GatewayConfig config, Path dir, String demoSubdir) {
        List<Path> dirs = new ArrayList<>(List.of(dir));
        if (config.demo()) {
            dirs.add(config.demoDir().resolve(demoSubdir));
        }
        return dirs;
    }
}
