/**
 * Collectors that share one set of targets through Redis: leases with fencing tokens decide which collector runs each
 * target ({@link io.vigil.team.Leases}, {@link io.vigil.team.TeamCollector}); each collector publishes its health, job
 * states and newest values ({@link io.vigil.team.Publisher}); a console that collects nothing watches them
 * ({@link io.vigil.team.TeamView}). No JavaFX.
 */
package io.vigil.team;
