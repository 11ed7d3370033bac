package io.vigil.config;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Where the log files go, for {@code logback.xml}: {@code -Dvigil.logs} when a command has set it (its
 * {@code --data-dir}), else the data folder's {@code logs} ({@link AppDirs#resolve()}: {@code VIGIL_HOME}, then the
 * platform's own place). Whichever way Vigil was started (the launcher, {@code mvn javafx:run}, a command), its log
 * lands beside its data.
 */
public final class LogFolder extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String set = System.getProperty("vigil.logs");
        return set != null && !set.isBlank() ? set : AppDirs.resolve().logs().toString();
    }
}
