/**
 * The mirror pipeline: pull rows from a target (streamed, with a fetch size, a query timeout and a row cap), cache them in the cache database (a whole snapshot replaced atomically, or appended past a watermark), record the sync time in the ledger.
 */
package io.vigil.mirror;
