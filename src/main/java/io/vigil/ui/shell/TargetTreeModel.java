package io.vigil.ui.shell;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.config.Target;

/** Groups targets by tag for the tree: a target with several tags is under each; untagged ones come last. */
public final class TargetTreeModel {

    /** One branch of the tree; {@code tag} is empty for the untagged group. */
    public record Group(String tag, List<Target> targets) {
    }

    private TargetTreeModel() {
    }

    public static List<Group> group(List<Target> targets, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        Comparator<Target> byName = Comparator.comparing(Target::name, collator);
        Map<String, List<Target>> byTag = new TreeMap<>(collator);
        List<Target> untagged = new ArrayList<>();
        for (Target t : targets) {
            if (t.tags().isEmpty()) {
                untagged.add(t);
            }
            for (String tag : t.tags()) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(t);
            }
        }
        List<Group> groups = new ArrayList<>();
        byTag.forEach((tag, list) -> groups.add(new Group(tag, list.stream().sorted(byName).toList())));
        if (!untagged.isEmpty()) {
            groups.add(new Group("", untagged.stream().sorted(byName).toList()));
        }
        return groups;
    }
}
