package io.vigil.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vigil.i18n.Reason;

/** Reads the shipped packs and installs them into a config store that has no definitions for their kind yet. */
public final class Packs {

    private static final Logger LOG = LoggerFactory.getLogger(Packs.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<TargetKind> SHIPPED = List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES);

    private Packs() {
    }

    private static final java.util.Map<TargetKind, List<Space>> SPACES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The spaces the shipped pack of the kind forecasts (read once: forms validate with them on every keystroke). */
    public static List<Space> spaces(TargetKind kind) {
        TargetKind pack = kind.packKind();
        return SHIPPED.contains(pack) ? SPACES.computeIfAbsent(pack, k -> shipped(k).spaces()) : List.of();
    }

    /** The shipped pack of a kind. */
    public static Pack shipped(TargetKind kind) {
        String resource = "/io/vigil/packs/" + kind.name().toLowerCase(Locale.ROOT) + ".yaml";
        try (InputStream in = Packs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigStoreException(Reason.of("packs.missing", Reason.of("kind." + kind.name()), resource));
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new ConfigStoreException(Reason.of("packs.unreadable", Reason.of("kind." + kind.name()), resource), e);
        }
    }

    /** Parses a pack file; a file that does not parse is refused with an {@link InputException} naming its line and field. */
    public static Pack parse(InputStream in, String name) {
        String text;
        try {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(name, InputErrors.of(e, null), new io.vigil.i18n.Messages(java.util.Locale.ENGLISH), e);
        }
        try {
            return YAML.readValue(text, Pack.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InputException(name, InputErrors.of(e, text), new io.vigil.i18n.Messages(java.util.Locale.ENGLISH), e);
        }
    }

    /**
     * Installs each shipped pack whose kind has no mirror in the store yet (a first start, or a kind added by an upgrade);
     * a kind an admin has edited is left alone. Returns the kinds installed.
     */
    public static List<TargetKind> installMissing(ConfigStore store) {
        Set<TargetKind> present = store.mirrors().stream().map(MirrorDef::kind).collect(Collectors.toSet());
        Set<TargetKind> ruled = store.rules().stream().map(AlertRule::kind).collect(Collectors.toSet());
        List<TargetKind> installed = new ArrayList<>();
        for (TargetKind kind : SHIPPED) {
            if (present.contains(kind)) {
                if (!ruled.contains(kind)) {
                    installRules(store, shipped(kind)); // a store from before alerting: its edited definitions stay, rules arrive
                }
                installSpaces(store, shipped(kind));
                continue;
            }
            Pack pack = shipped(kind);
            pack.mirrorDefs().forEach(store::saveMirror);
            pack.metricDefs().forEach(store::saveMetric);
            installRules(store, pack);
            installed.add(kind);
            LOG.info("Installed the {} pack: {} mirrors, {} metrics", kind, pack.mirrors().size(), pack.metrics().size());
        }
        return installed;
    }

    /**
     * A store from before the days-until-full forecast has none of the metrics its spaces are fitted to: those metrics
     * and the pack's forecast rules arrive, and nothing else changes. A store with any of them is left as it is (an
     * admin may have dropped the others).
     */
    private static void installSpaces(ConfigStore store, Pack pack) {
        Set<String> wanted = new java.util.HashSet<>();
        pack.spaces().forEach(s -> {
            wanted.add(s.used());
            if (s.capacity() != null) {
                wanted.add(s.capacity());
            }
        });
        if (wanted.isEmpty() || store.metrics().stream().anyMatch(m -> m.kind() == pack.kind() && wanted.contains(m.name()))) {
            return;
        }
        // only where the mirrors they read are there: a kind whose mirrors are an admin's own gets no metric it cannot run
        Set<String> mirrors = store.mirrors().stream().filter(m -> m.kind() == pack.kind()).map(MirrorDef::name).collect(Collectors.toSet());
        List<MetricDef> installable = pack.metricDefs().stream().filter(m -> wanted.contains(m.name()) && mirrors.containsAll(m.mirrors())).toList();
        if (installable.isEmpty()) {
            return;
        }
        installable.forEach(store::saveMetric);
        Set<String> rules = store.rules().stream().filter(r -> r.kind() == pack.kind()).map(AlertRule::name).collect(Collectors.toSet());
        for (AlertRule rule : pack.ruleDefs()) {
            if (rule.type() == RuleType.FORECAST && !rules.contains(rule.name())) {
                try {
                    store.saveRule(rule);
                } catch (InvalidConfigException e) {
                    LOG.warn("The {} pack's forecast rule {} was not installed: {}", pack.kind(), rule.name(), e.problems());
                }
            }
        }
        LOG.info("Installed the {} pack's space metrics for days-until-full forecasts", pack.kind());
    }

    // A rule whose metric an admin renamed or deleted is left out, with a line in the log, instead of failing the start.
    private static void installRules(ConfigStore store, Pack pack) {
        int saved = 0;
        for (AlertRule rule : pack.ruleDefs()) {
            try {
                store.saveRule(rule);
                saved++;
            } catch (InvalidConfigException e) {
                LOG.warn("The {} pack's alert rule {} was not installed: {}", pack.kind(), rule.name(), e.problems());
            }
        }
        LOG.info("Installed {} of the {} pack's {} alert rules", saved, pack.kind(), pack.rules().size());
    }
}
