/**
 * The gather pipeline: verify that the mirrors a metric needs are present and fresh, pick the metric's values with SQL over the cache, archive them as points in the series store (spooled to disk while the store is down). Beside it, figures read over the cache for people rather than for the series store: a target's instance start and the DBA checks of an Oracle target.
 */
package io.vigil.gather;
