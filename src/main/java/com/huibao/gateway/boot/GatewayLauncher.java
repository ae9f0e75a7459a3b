package com.huibao.gateway.boot;

/** Placeholder until the server lands in this same change. */
final class GatewayLauncher {
  private GatewayLauncher() {
  }

  static void launch() {
    throw new IllegalStateException("server not wired yet");
  }
}
