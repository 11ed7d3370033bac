/**
 * The Oracle alert log as events: rows mirrored from V$DIAG_ALERT_EXT (or lines of a pasted alert_SID.log) grouped
 * into entries, classified by their ORA- codes and phrases, filtered by the user's ignore list and turned into
 * {@link io.vigil.config.VigilEvent}s. Pure apart from {@link io.vigil.alert.events.AlertLogEvents}, which reads the cache.
 */
package io.vigil.alert.events;
