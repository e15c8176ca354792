package io.quacklake;

import java.time.Duration;

/**
 * What one commit did, reported to the lake's {@link MetricsReporter} when it ends.
 *
 * @param snapshotId the snapshot it made, or -1 when it failed
 * @param baseSnapshotId the snapshot the transaction read
 * @param attempts catalog transactions tried (more than one when other writers committed first)
 * @param conflicted whether it failed on the conflict rules (nothing was committed)
 * @param duration from the first attempt to the end
 * @param filesAdded data files added
 * @param rowsAdded rows added, in files and inlined in the catalog
 * @param rowsDeleted rows deleted (positions in files and inlined rows)
 */
public record CommitReport(
    long snapshotId,
    long baseSnapshotId,
    int attempts,
    boolean conflicted,
    Duration duration,
    long filesAdded,
    long rowsAdded,
    long rowsDeleted) {}
