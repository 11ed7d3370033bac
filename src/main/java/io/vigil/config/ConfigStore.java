package io.vigil.config;

import java.util.List;
import java.util.Optional;

/**
 * Where targets, mirror definitions and metric definitions live: an embedded H2 file for one workstation,
 * or a MySQL/MariaDB database a team shares. Saves validate first and write nothing when a rule is broken.
 * Calls block on JDBC: never call them on the FX thread.
 */
public interface ConfigStore extends AutoCloseable {

    List<Target> targets();

    Optional<Target> target(long id);

    /** Inserts ({@code id == 0}) or updates; returns the saved value with its id. */
    Target saveTarget(Target target) throws InvalidConfigException;

    void deleteTarget(long id);

    List<MirrorDef> mirrors();

    MirrorDef saveMirror(MirrorDef mirror) throws InvalidConfigException;

    void deleteMirror(long id);

    List<MetricDef> metrics();

    MetricDef saveMetric(MetricDef metric) throws InvalidConfigException;

    void deleteMetric(long id);

    /**
     * Saves every given definition in one transaction (inserting those with id 0, updating the others): all of them,
     * or, when one breaks a rule or the database refuses one, none. Mirrors are saved before the metrics that read them.
     */
    void saveAll(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics) throws InvalidConfigException;

    /** Describes where the store lives, for the status bar and settings, e.g. "H2 file ~/.local/share/vigil/config". */
    String location();

    @Override
    void close();
}
