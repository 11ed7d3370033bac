/**
 * What the console watches, kept in memory from the collector's own output: the latest value of every series, and each
 * job's and each target's state. Built for reading at 1 Hz by many panes without touching a database.
 */
package io.vigil.watch;
