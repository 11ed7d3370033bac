package io.vigil.sitepack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vigil.config.AlertRule;
import io.vigil.config.AlertStore;
import io.vigil.config.ChannelDef;
import io.vigil.config.ConfigStore;
import io.vigil.config.InvalidConfigException;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.MuteWindow;
import io.vigil.config.Problem;
import io.vigil.config.Target;

/**
 * A pack's configuration as the console sees it: everything reads, nothing saves. A form that tries says so in the
 * reader's language ({@code sitepack.readOnly}) and nothing changes.
 */
final class ReadOnlyConfigStore implements ConfigStore {

    private final ConfigStore store;

    ReadOnlyConfigStore(ConfigStore store) {
        this.store = store;
    }

    private static InvalidConfigException refused() {
        return new InvalidConfigException(List.of(Problem.of("", "sitepack.readOnly")));
    }

    @Override
    public List<Target> targets() {
        return store.targets();
    }

    @Override
    public Optional<Target> target(long id) {
        return store.target(id);
    }

    @Override
    public Target saveTarget(Target target) {
        throw refused();
    }

    @Override
    public void deleteTarget(long id) {
        throw refused();
    }

    @Override
    public List<MirrorDef> mirrors() {
        return store.mirrors();
    }

    @Override
    public MirrorDef saveMirror(MirrorDef mirror) {
        throw refused();
    }

    @Override
    public void deleteMirror(long id) {
        throw refused();
    }

    @Override
    public List<MetricDef> metrics() {
        return store.metrics();
    }

    @Override
    public MetricDef saveMetric(MetricDef metric) {
        throw refused();
    }

    @Override
    public void deleteMetric(long id) {
        throw refused();
    }

    @Override
    public void saveAll(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics, List<AlertRule> rules) {
        throw refused();
    }

    @Override
    public List<AlertRule> rules() {
        return store.rules();
    }

    @Override
    public AlertRule saveRule(AlertRule rule) {
        throw refused();
    }

    @Override
    public void deleteRule(long id) {
        throw refused();
    }

    @Override
    public List<ChannelDef> channels() {
        return store.channels();
    }

    @Override
    public ChannelDef saveChannel(ChannelDef channel) {
        throw refused();
    }

    @Override
    public void deleteChannel(long id) {
        throw refused();
    }

    @Override
    public List<MuteWindow> mutes(Instant now) {
        return store.mutes(now);
    }

    @Override
    public MuteWindow saveMute(MuteWindow mute) {
        throw refused();
    }

    @Override
    public void deleteMute(long id) {
        throw refused();
    }

    @Override
    public List<String> eventIgnores() {
        return store.eventIgnores();
    }

    @Override
    public void saveEventIgnores(List<String> patterns) {
        throw refused();
    }

    /** The alerts as they stood; acknowledging one touches only the private copy. */
    @Override
    public AlertStore alerts() {
        return store.alerts();
    }

    @Override
    public String location() {
        return store.location();
    }

    /** The pack closes its own store. */
    @Override
    public void close() {
    }
}
