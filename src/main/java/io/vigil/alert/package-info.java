/**
 * Alerting: rules evaluated over what the collector sees (latest values, job runs, events), each alert's state machine
 * (OK → PENDING → FIRING → RESOLVED) kept in the config store, and the notifications handed to channels.
 */
package io.vigil.alert;
