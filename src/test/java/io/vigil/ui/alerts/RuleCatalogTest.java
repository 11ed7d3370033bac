package io.vigil.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;

class RuleCatalogTest {

    final RuleCatalog shipped = new RuleCatalog(Packs.shipped(TargetKind.ORACLE).ruleDefs(), Packs.shipped(TargetKind.ORACLE).metricDefs());

    @Test
    void anAlertReadsByTheTitleOfWhatItsRuleWatchesInTheUsersLanguage() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        String tablespace = Packs.shipped(TargetKind.ORACLE).ruleDefs().stream()
                .filter(r -> r.subject().equals("oracle.tablespace.used_pct")).findFirst().orElseThrow().name();
        assertThat(shipped.title(TargetKind.DEMO_ORACLE, tablespace, en)).isEqualTo("Tablespace used");
        assertThat(shipped.title(TargetKind.ORACLE, tablespace, zh)).isEqualTo("表空间使用率");
        String down = Packs.shipped(TargetKind.ORACLE).ruleDefs().stream()
                .filter(r -> r.type() == io.vigil.config.RuleType.TARGET_DOWN).findFirst().orElseThrow().name();
        assertThat(shipped.title(TargetKind.ORACLE, down, en)).isEqualTo("Target down");
        assertThat(shipped.title(TargetKind.ORACLE, "site.rule.gone", en)).as("a rule no longer stored").isEqualTo("site.rule.gone");
    }
}
