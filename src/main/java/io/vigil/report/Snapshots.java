package io.vigil.report;

import java.util.List;
import java.util.Optional;

/**
 * What the series store does not keep and the report still tells: the release a target reports and its top SQL, read
 * from the newest snapshot of their mirrors (the report says so). {@link #NONE} when no cache is at hand.
 */
public interface Snapshots {

    /** The release the target reported, e.g. {@code 19.0.0.0.0}. */
    Optional<String> version(long targetId);

    /** The statements with the most elapsed time, most first, at most {@code limit}. */
    List<TopSql> topSql(long targetId, int limit);

    /** One statement of the top SQL snapshot; times in seconds. */
    record TopSql(String sqlId, long executions, double elapsedSeconds, double cpuSeconds, long bufferGets, String text) {
    }

    /** No cache: version and top SQL are said to be unknown. */
    Snapshots NONE = new Snapshots() {
        @Override
        public Optional<String> version(long targetId) {
            return Optional.empty();
        }

        @Override
        public List<TopSql> topSql(long targetId, int limit) {
            return List.of();
        }
    };
}
