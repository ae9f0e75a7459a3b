package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.crypto.RequestSigner;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sign --key K.jwk --client ID --method M --path /v1/… [--body FILE] [--aud huibao-gateway]}: prints a signed
 * request token for {@code Authorization: Bearer …}. For demos and integration checks; clients sign in their own
 * systems.
 */
public final class SignCommand {
    static final String USAGE = "usage: sign --key PRIVATE.jwk --client CLIENT_ID --method METHOD --path /v1/... "
            + "[--body FILE] [--aud GATEWAY_ID]";

    private SignCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !o.keySet().containsAll(List.of("key", "client", "method", "path"))) {
            err.println(USAGE);
            return 2;
        }
        try {
            ECKey key = ECKey.parse(Files.readString(Path.of(o.get("key"))));
            byte[] body = o.containsKey("body") ? Files.readAllBytes(Path.of(o.get("body"))) : new byte[0];
            out.println(new RequestSigner(key, o.get("client"), o.getOrDefault("aud", "huibao-gateway"))
                    .sign(o.get("method").toUpperCase(Locale.ROOT), o.get("path"), body));
            return 0;
        } catch (IOException | ParseException e) {
            err.println("cannot sign: " + e.getMessage());
            return 2;
        }
    }
}
