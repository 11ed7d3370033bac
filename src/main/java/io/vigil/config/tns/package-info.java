/**
 * Oracle's {@code tnsnames.ora} read as data: {@link io.vigil.config.tns.TnsParser} turns a file (with its IFILE
 * includes) into entries and per-entry problems, and {@link io.vigil.config.tns.TnsTargets} turns entries into Oracle
 * targets that connect by their alias. No JDBC: the Oracle driver resolves the alias itself when it connects.
 */
package io.vigil.config.tns;
