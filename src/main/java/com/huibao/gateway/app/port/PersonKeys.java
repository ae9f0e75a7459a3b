package com.huibao.gateway.app.port;

/** Turns an identity (certificate type + number) into the opaque key persons are stored and looked up under. */
public interface PersonKeys {
    String personKey(String certType, String certno);
}
