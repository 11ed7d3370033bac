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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
                throw new ConfigStoreException("The " + kind + " pack " + resource + " is missing from the build.");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new ConfigStoreException("The " + kind + " pack could not be read: " + e.getMessage(), e);
        }
    }

    /** Parses a pack file; a file that does not parse is refused with its line, column and reason. */
    public static Pack parse(InputStream in, String name) {
        try {
            return YAML.readValue(in, Pack.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigStoreException(name + " does not parse" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigStoreException(name + " could not be read: " + e.getMessage(), e);
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
