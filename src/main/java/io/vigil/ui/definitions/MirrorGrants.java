package io.vigil.ui.definitions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.TargetKind;

/**
 * The GRANTs the monitoring user needs per mirror, as the shipped packs list them. A metric's privileges are those of
 * the mirrors it reads; a mirror an admin wrote has no known grants, and the form says so instead of guessing.
 */
public record MirrorGrants(Map<TargetKind, Map<String, List<String>>> byKind) {

    public MirrorGrants {
        byKind = Map.copyOf(byKind);
    }

    public static MirrorGrants none() {
        return new MirrorGrants(Map.of());
    }

    /** The grants of every shipped pack. Reads the pack files: call it off the FX thread. */
    public static MirrorGrants shipped() {
        Map<TargetKind, Map<String, List<String>>> all = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES)) {
            Pack pack = Packs.shipped(kind);
            all.put(kind, pack.mirrors().stream().collect(Collectors.toMap(Pack.PackMirror::name,
                    m -> m.grants() == null ? List.of() : List.copyOf(m.grants()), (a, b) -> a)));
        }
        return new MirrorGrants(all);
    }

    /** The GRANT lines the mirrors need, each once, in the order the mirrors are named. */
    public String privileges(TargetKind kind, List<String> mirrors) {
        Set<String> lines = new LinkedHashSet<>();
        Map<String, List<String>> known = byKind.getOrDefault(kind, Map.of());
        mirrors.forEach(m -> lines.addAll(known.getOrDefault(m, List.of())));
        return String.join("\n", lines);
    }

    /** The mirrors whose grants are not known (not from a shipped pack). */
    public List<String> unknown(TargetKind kind, List<String> mirrors) {
        Map<String, List<String>> known = byKind.getOrDefault(kind, Map.of());
        return new ArrayList<>(mirrors.stream().filter(m -> !known.containsKey(m)).toList());
    }
}
