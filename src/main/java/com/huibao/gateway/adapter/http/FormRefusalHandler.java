package com.huibao.gateway.adapter.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;

/**
 * No operation takes a form: {@code multipart/*} and {@code application/x-www-form-urlencoded} bodies are refused
 * with 415 before the body handler, whose multipart decoder fails on a bad boundary (found by the fuzzer: a 500).
 */
final class FormRefusalHandler implements PlatformHandler {
    @Override
    public void handle(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        String media = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        if (media.startsWith("multipart/") || media.startsWith("application/x-www-form-urlencoded")) {
            rc.fail(415);
        } else {
            rc.next();
        }
    }
}
