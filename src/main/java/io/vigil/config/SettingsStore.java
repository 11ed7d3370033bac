package io.vigil.config;

/** Reads and writes the workstation's {@link Settings}. Blocks on file I/O: not for the FX thread. */
public interface SettingsStore {

    /** The saved settings, or the defaults when none were saved; a file that does not parse is a {@link ConfigStoreException}. */
    Settings load();

    void save(Settings settings);
}
