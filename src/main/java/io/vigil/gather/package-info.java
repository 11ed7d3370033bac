/**
 * The gather pipeline: verify that the mirrors a metric needs are present and fresh, pick the metric's values with SQL over the cache, archive them as points in the series store (spooled to disk while the store is down).
 */
package io.vigil.gather;
