package io.vigil.config;

/**
 * Which alert: a rule on a target, and for a rule that watches every series of a metric one by one, the series
 * ({@code "tablespace_name=USERS"}; empty otherwise).
 */
public record AlertKey(String rule, long targetId, String series) {

    public AlertKey {
        series = series == null ? "" : series;
    }
}
