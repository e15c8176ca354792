package io.quacklake.internal.catalog.versioned;

/**
 * When a commit ships a page delta chained to the current image, and when a new full image: the
 * chain is cut when it holds {@code maxDeltas} deltas or when its deltas together would outgrow
 * {@code imageSize / imageFraction} (at least {@code minBudget} bytes), so that a reader opening
 * the lake cold fetches at most about {@code 1 + 1 / imageFraction} times the image.
 *
 * @param maxDeltas the longest chain
 * @param minBudget the delta bytes a chain may always hold
 * @param imageFraction the chain's bytes may reach this fraction of the image
 */
record DeltaPolicy(int maxDeltas, long minBudget, int imageFraction) {
  /** What Quacklake writes: up to 64 deltas, a quarter of the image, at least 256 KiB. */
  static final DeltaPolicy DEFAULT = new DeltaPolicy(64, 256 * 1024, 4);

  DeltaPolicy {
    if (maxDeltas < 0 || minBudget < 0 || imageFraction < 1) {
      throw new IllegalArgumentException("bad delta policy");
    }
  }

  /**
   * The most bytes a delta following {@code base} may have; 0 when the chain is full and the next
   * version must be an image.
   */
  long room(CatalogManifest base) {
    if (base.deltas().size() >= Math.min(maxDeltas, CatalogManifest.MAX_DELTAS)) {
      return 0;
    }
    long budget = Math.max(minBudget, base.imageSize() / imageFraction) - base.deltaBytes();
    return Math.max(0, Math.min(budget, CatalogManifest.MAX_DELTA_BYTES));
  }
}
