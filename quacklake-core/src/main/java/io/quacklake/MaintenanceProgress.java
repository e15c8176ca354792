package io.quacklake;

/**
 * Hears how far a maintenance operation has come ({@link Maintenance#withProgress}): for each step
 * — {@code "merging files"}, {@code "rewriting files"}, {@code "flushing inlined data"}, {@code
 * "deleting old files"}, {@code "deleting orphaned files"} — first {@code done = 0} with the total
 * known after planning, then after each unit of work. Called on the thread running the operation;
 * an exception thrown here ends the operation as a failure.
 */
@FunctionalInterface
public interface MaintenanceProgress {
  /** Hears nothing. */
  MaintenanceProgress NONE = (step, done, total) -> {};

  /**
   * @param step what is being done
   * @param done units finished in this step (files, or tables for flushing)
   * @param total units the step will do
   */
  void update(String step, long done, long total);
}
