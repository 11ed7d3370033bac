/**
 * The background executor: runs each target's mirrors and metrics on their intervals with bounded concurrency, backs off from failing targets, and emits a status event for every run.
 */
package io.vigil.schedule;
