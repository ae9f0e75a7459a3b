package com.huibao.gateway.app.port;

/** The names people read for the parties the gateway knows by code. */
public interface Names {
    /** The insurer's display name; its id when it has none. */
    String insurer(String insurerId);

    /** The hospital's or pharmacy's name (institution registry, then its client registration); its code if none. */
    String institution(String fixmedinsCode);
}
