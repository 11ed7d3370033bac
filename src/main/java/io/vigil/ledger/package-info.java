/**
 * The sync-time ledger: when each mirror of each target was last synced, from which source time, with how many rows; in-process or in Redis (which also notifies gather).
 */
package io.vigil.ledger;
