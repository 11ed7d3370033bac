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
    default void saveAll(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics) throws InvalidConfigException {
        saveAll(targets, mirrors, metrics, List.of());
    }

    /** As {@link #saveAll(List, List, List)}, with alert rules saved after the metrics they watch. */
    void saveAll(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics, List<AlertRule> rules)
            throws InvalidConfigException;

    List<AlertRule> rules();

    AlertRule saveRule(AlertRule rule) throws InvalidConfigException;

    void deleteRule(long id);

    List<ChannelDef> channels();

    ChannelDef saveChannel(ChannelDef channel) throws InvalidConfigException;

    void deleteChannel(long id);

    /** Mute windows that have not ended before {@code now}. */
    List<MuteWindow> mutes(java.time.Instant now);

    MuteWindow saveMute(MuteWindow mute) throws InvalidConfigException;

    void deleteMute(long id);

    /** Alert-log texts or ORA- codes that are never turned into events. */
    List<String> eventIgnores();

    /** Replaces the ignore list. */
    void saveEventIgnores(List<String> patterns);

    /** Open alerts, their history and events, kept in the same database. */
    AlertStore alerts();

    /** Describes where the store lives, for the status bar and settings, e.g. "H2 ~/.local/share/vigil/config". */
    String location();

    @Override
    void close();
}
