package io.vigil.ui.util;

import java.util.stream.Collectors;

import io.vigil.config.ConfigStoreException;
import io.vigil.config.InvalidConfigException;
import io.vigil.i18n.Messages;

/** The sentence a user sees for a failure: never a stack trace, never an exception class alone. */
public final class UserErrors {

    private UserErrors() {
    }

    public static String describe(Throwable e, Messages messages) {
        if (e instanceof InvalidConfigException invalid) {
            return invalid.problems().stream().map(p -> p.describe(messages)).collect(Collectors.joining(" "));
        }
        if (e instanceof ConfigStoreException c) {
            return c.describe(messages); // a master password's, an input's, the store's
        }
        io.vigil.i18n.Reason reason = e instanceof io.vigil.mirror.CacheException c ? c.reason()
                : e instanceof io.vigil.ledger.LedgerException l ? l.reason()
                : e instanceof io.vigil.target.TargetFailure t ? t.reason()
                : e instanceof io.vigil.tls.TlsRefused tls ? tls.reason()
                : e instanceof io.vigil.schedule.DataStores.Refused r ? r.reason()
                : e instanceof io.vigil.series.SeriesStoreException series ? series.reason() : null;
        if (reason != null && !reason.isEmpty()) {
            return messages.render(reason); // the failure's own words, in the reader's language
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return messages.get("error.unexpected.noDetail"); // never a class name: the log has the rest
        }
        return messages.get("error.unexpected", e.getMessage().lines().findFirst().orElse(""));
    }
}
