package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDiskTest {

    static final long MB = 1024L * 1024;
    static final long GB = 1024 * MB;

    @Test
    void fullAndLowAreTheSmallerOfAFixedRoomAndAShareOfTheDisk() {
        assertThat(DataDisk.level(0, 500 * GB)).isEqualTo(DataDisk.Level.FULL);
        assertThat(DataDisk.level(7 * MB, 500 * GB)).isEqualTo(DataDisk.Level.FULL);
        assertThat(DataDisk.level(9 * MB, 500 * GB)).isEqualTo(DataDisk.Level.LOW);
        assertThat(DataDisk.level(GB - 1, 500 * GB)).isEqualTo(DataDisk.Level.LOW);
        assertThat(DataDisk.level(GB, 500 * GB)).isEqualTo(DataDisk.Level.OK);
        // a small disk: 1 % and 5 % of it
        assertThat(DataDisk.level(300 * 1024, 48 * MB)).isEqualTo(DataDisk.Level.FULL);
        assertThat(DataDisk.level(2 * MB, 48 * MB)).isEqualTo(DataDisk.Level.LOW);
        assertThat(DataDisk.level(3 * MB, 48 * MB)).isEqualTo(DataDisk.Level.OK);
    }

    @Test
    void aReadingOfARealFolderEvenOneNotMadeYet(@TempDir Path home) {
        DataDisk.State s = DataDisk.sample(home.resolve("not/yet"));
        assertThat(s.free()).isPositive();
        assertThat(s.total()).isGreaterThanOrEqualTo(s.free());
        assertThat(s.level()).isNotEqualTo(DataDisk.Level.UNKNOWN);
        assertThat(s.folder()).isEqualTo(home.resolve("not/yet"));
    }

    @Test
    void aRefusedWriteIsAFullDiskOnlyWhenTheFileSystemRefusedItAndThereIsNoRoom(@TempDir Path home) {
        SQLException refusedByDisk = new SQLException("General error", "HY000", 50000, new IllegalStateException("writing failed",
                new IOException("No space left on device")));
        // this disk has room: the same failure is something else (a read-only mount, permissions)
        assertThat(DataDisk.refusedForRoom(home, refusedByDisk)).isFalse();
        assertThat(DataDisk.fullDisk(home, refusedByDisk, io.vigil.i18n.Reason.of("disk.store.cache"))).isEmpty();
        assertThat(DataDisk.refusedForRoom(home, new SQLException("Duplicate key", "23505"))).isFalse();
        assertThat(DataDisk.refusedForRoom(null, new AccessDeniedException("x"))).isFalse();
    }

    @Test
    void bytesReadAsAUserReadsThem() {
        assertThat(DataDisk.bytes(0)).isEqualTo("0 KB");
        assertThat(DataDisk.bytes(12_000)).isEqualTo("12 KB");
        assertThat(DataDisk.bytes(7_759_462)).isEqualTo("7.4 MB");
        assertThat(DataDisk.bytes(12 * GB)).isEqualTo("12.0 GB");
        assertThat(DataDisk.bytes(-1)).isEqualTo("?");
    }
}
