/**
 * Records for targets, mirror and metric definitions and settings; their validation; the config store (JDBC with
 * Flyway migrations, embedded H2 or MySQL/MariaDB); passwords encrypted at rest; the per-user app-data folder.
 */
package io.vigil.config;
