package io.vigil.alert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AlertLogIgnoreListTest {

    @Test
    void aCodeMatchesHoweverTheLogPadsIt() {
        AlertLogIgnoreList ignore = AlertLogIgnoreList.of("ORA-03136");
        assertThat(ignore.ignores("WARNING: inbound connection timed out (ORA-3136)")).isTrue();
        assertThat(AlertLogIgnoreList.of("ora-3136").ignores("ORA-03136: inbound connection timed out")).isTrue();
        assertThat(ignore.ignores("ORA-03113: end-of-file on communication channel")).isFalse();
        assertThat(ignore.ignores("ORA-031360 is no code at all")).isFalse();
    }

    @Test
    void otherPatternsAreCaseInsensitiveSubstrings() {
        AlertLogIgnoreList ignore = AlertLogIgnoreList.of("opiodr aborting process");
        assertThat(ignore.ignores("Process m000 died, see its trace file\nOPIODR aborting process unknown ospid (3312) as a result of ORA-28")).isTrue();
        assertThat(ignore.ignores("ORA-00600: internal error code, arguments: [kdsgrp1]")).isFalse();
    }

    @Test
    void blankPatternsIgnoreNothing() {
        AlertLogIgnoreList ignore = new AlertLogIgnoreList(Arrays.asList(" ", "", "\t", null));
        assertThat(ignore.patterns()).isEmpty();
        assertThat(ignore.ignores("ORA-00600: internal error code")).isFalse();
        assertThat(new AlertLogIgnoreList(null).ignores("anything")).isFalse();
        assertThat(AlertLogIgnoreList.none().ignores("ORA-00600")).isFalse();
    }
}
