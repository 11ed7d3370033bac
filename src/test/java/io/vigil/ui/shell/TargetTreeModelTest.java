package io.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

class TargetTreeModelTest {

    static Target t(String name, String... tags) {
        return new Target(1, name, TargetKind.MYSQL, "h", 3306, ConnectBy.DATABASE, "", "", "u", Secret.empty(), List.of(tags), true);
    }

    @Test
    void groupsByTagSortedWithUntaggedLast() {
        List<TargetTreeModel.Group> groups = TargetTreeModel.group(
                List.of(t("zeta", "prod"), t("alpha", "prod", "billing"), t("loose"), t("Beta", "dev")), Locale.ENGLISH);
        assertThat(groups).extracting(TargetTreeModel.Group::tag).containsExactly("billing", "dev", "prod", "");
        assertThat(groups.get(2).targets()).extracting(Target::name).containsExactly("alpha", "zeta");
        assertThat(groups.get(3).targets()).extracting(Target::name).containsExactly("loose");
    }

    @Test
    void aTargetWithSeveralTagsIsUnderEach() {
        List<TargetTreeModel.Group> groups = TargetTreeModel.group(List.of(t("db", "a", "b")), Locale.ENGLISH);
        assertThat(groups).allSatisfy(g -> assertThat(g.targets()).extracting(Target::name).containsExactly("db"));
        assertThat(groups).hasSize(2);
    }

    @Test
    void nothingGivesNoGroups() {
        assertThat(TargetTreeModel.group(List.of(), Locale.ENGLISH)).isEmpty();
    }
}
