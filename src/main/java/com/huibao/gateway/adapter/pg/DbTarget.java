package com.huibao.gateway.adapter.pg;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where the database is: what both the JDBC migrations and the reactive pool connect to. */
public record DbTarget(String host, int port, String database, String user, String password) {

    /**
     * Parses {@code postgresql://[user[:password]@]host[:port]/database}; explicit user and password (when not
     * empty) win over the URL's.
     */
    public static DbTarget parse(String url, String user, String password) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            urlPassword = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new DbTarget(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                db,
                !user.isEmpty() ? user : urlUser == null ? "postgres" : urlUser,
                !password.isEmpty() ? password : urlPassword == null ? "" : urlPassword);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DbTarget[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
