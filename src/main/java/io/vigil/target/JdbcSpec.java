package io.vigil.target;

import java.util.Properties;

/**
 * How to open a JDBC connection to a target: URL and properties (the password among them). The password is never in
 * the URL, and {@link #toString()} leaves the properties out, so a spec can be logged.
 *
 * @param url      the JDBC URL, without credentials
 * @param props    driver properties, including {@code user} and {@code password}
 * @param address  what to call it in messages, e.g. "Oracle db1:1521/ORCLPDB1"
 */
public record JdbcSpec(String url, Properties props, String address) {

    @Override
    public String toString() {
        return address + " (" + url + ")";
    }
}
