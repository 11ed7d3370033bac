/**
 * The time-series store: archived points written in batches and read back by range, downsampled to what a chart can show; embedded H2 with retention and rollups, or InfluxDB.
 */
package io.vigil.series;
