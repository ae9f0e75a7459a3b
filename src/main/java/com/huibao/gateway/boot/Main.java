package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.cli.AdjudicateCommand;
import com.huibao.gateway.adapter.cli.KeygenCommand;
import com.huibao.gateway.adapter.cli.PriceCommand;
import com.huibao.gateway.adapter.cli.SignCommand;
import com.huibao.gateway.adapter.cli.SyntheticYear;
import java.util.Arrays;

/**
 * Entry point of the fat jar: {@code run} (default) starts the gateway; {@code adjudicate} runs the benefit engine
 * offline; {@code sign} prints a signed client request token; {@code keygen} makes the gateway's keys or a client's;
 * {@code verify-audit} checks the audit chain.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (!"run".equals(command)) {
            System.setProperty("GATEWAY_LOG_TARGET", "System.err"); // before the first logger: stdout is the output
        }
        switch (command) {
            case "adjudicate" -> System.exit(AdjudicateCommand.run(rest, System.in, System.out, System.err));
            case "sign" -> System.exit(SignCommand.run(rest, System.out, System.err));
            case "keygen" -> System.exit(KeygenCommand.run(rest, System.out, System.err));
            case "price" -> System.exit(PriceCommand.run(rest, System.out, System.err));
            case "synthesize-year" -> System.exit(SyntheticYear.run(rest, System.out, System.err));
            case "verify-audit" -> System.exit(VerifyAuditCommand.run(rest, System.getenv(), System.out, System.err));
            case "run" -> GatewayLauncher.launch();
            default -> {
                System.err.println(
                        "usage: java -jar huibao-gateway.jar [run | adjudicate ... | sign ... | keygen ... | verify-audit ... | price ... | synthesize-year ...]");
                System.exit(2);
            }
        }
    }
}
