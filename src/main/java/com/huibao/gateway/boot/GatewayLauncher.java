package com.huibao.gateway.boot;

import com.huibao.gateway.boot.config.ConfigException;
import com.huibao.gateway.boot.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** {@code run}: starts the gateway from {@code config/application.yaml} (or {@code GATEWAY_CONFIG}) and the env. */
final class GatewayLauncher {
    private GatewayLauncher() {}

    static void launch() {
        Path yaml = Path.of(System.getenv().getOrDefault("GATEWAY_CONFIG", "config/application.yaml"));
        GatewayConfig config;
        try {
            config = GatewayConfig.load(yaml, System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("cannot read " + yaml + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config, Clock.systemUTC())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
        } catch (Exception e) {
            LoggerFactory.getLogger(GatewayLauncher.class).error("start-up failed", e);
            System.exit(1);
            return;
        }
        // SIGTERM / SIGINT: drain and close before the JVM exits.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                gateway.stop().get(config.http().shutdownDrainSeconds() + 30L, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                System.err.println("shutdown did not complete: " + e);
                            }
                        },
                        "shutdown"));
    }
}
