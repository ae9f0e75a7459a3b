package com.huibao.gateway.boot.config;

import java.util.List;

/** Start-up refused: every configuration problem found, one per line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(List<String> errors) {
        super("invalid configuration:\n  " + String.join("\n  ", errors));
    }
}
