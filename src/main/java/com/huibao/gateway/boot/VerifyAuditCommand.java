package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.pg.AuditVerifier;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code verify-audit [--db-url postgresql://…]}: verifies the audit log's SM3 chain and names the first broken
 * record. Without a URL it uses {@code GATEWAY_DB_URL}, or else opens the embedded database's data directory
 * ({@code GATEWAY_DB_EMBEDDED_DIR}, default {@code data/pg}; the gateway must be stopped). Exit 0: the chain holds;
 * 1: broken; 2: cannot check. In boot, not in {@code adapter.cli}: choosing and opening a database is composition.
 */
public final class VerifyAuditCommand {
    private VerifyAuditCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String url = args.length == 2 && args[0].equals("--db-url") ? args[1] : env.getOrDefault("GATEWAY_DB_URL", "");
        try {
            if (!url.isEmpty()) {
                return report(
                        AuditVerifier.verify(DbTarget.parse(
                                url,
                                env.getOrDefault("GATEWAY_DB_USER", ""),
                                env.getOrDefault("GATEWAY_DB_PASSWORD", ""))),
                        out);
            }
            Path dir = Path.of(env.getOrDefault("GATEWAY_DB_EMBEDDED_DIR", "data/pg"));
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
                return report(AuditVerifier.verify(db.target()), out);
            }
        } catch (Exception e) {
            err.println("cannot verify the audit log: " + e.getMessage());
            return 2;
        }
    }

    private static int report(AuditVerifier.Result r, PrintStream out) {
        if (r.ok()) {
            out.println("audit chain OK: " + r.verified() + " record(s) verified"
                    + (r.pending() == 0
                            ? ""
                            : "; " + r.pending()
                                    + " more written but not yet chained (a running gateway chains them within a second, "
                                    + "a stopped one when it starts)"));
            return 0;
        }
        out.println("audit chain BROKEN at record " + r.firstBroken() + ": " + r.reason() + " (" + r.verified()
                + " record(s) before it verified)");
        return 1;
    }
}
