package io.quacklake.bench;

/**
 * One engine's run of the small-append maintenance workload: many small appends, full scans before
 * and after a checkpoint, then expiry of every older snapshot and cleanup of every retired file.
 *
 * @param appendSeconds all appends, one commit each
 * @param filesBefore data files after the appends
 * @param scanBefore full scans (sum over every id) before the checkpoint
 * @param checkpointSeconds the checkpoint
 * @param filesAfter data files after the checkpoint
 * @param scanAfter full scans after the checkpoint
 * @param dataAppended bytes in the data directory after the appends
 * @param dataCheckpointed bytes in the data directory after the checkpoint
 * @param dataCleaned bytes in the data directory after expiry and cleanup
 * @param catalogBefore bytes of the catalog file after the appends
 * @param catalogAfter bytes of the catalog file after expiry and cleanup
 */
record Compaction(
    double appendSeconds,
    long filesBefore,
    Timing scanBefore,
    double checkpointSeconds,
    long filesAfter,
    Timing scanAfter,
    long dataAppended,
    long dataCheckpointed,
    long dataCleaned,
    long catalogBefore,
    long catalogAfter) {

  /** Scan time before / after the checkpoint. */
  double scanSpeedUp() {
    return scanBefore.median() / scanAfter.median();
  }

  /** Bytes of the files the checkpoint merged (the data directory after the appends) per second. */
  double megabytesPerSecond() {
    return dataAppended / 1e6 / checkpointSeconds;
  }
}
