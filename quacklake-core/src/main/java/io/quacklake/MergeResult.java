package io.quacklake;

/**
 * What a merge did.
 *
 * @param updated existing rows replaced by a batch row with the same key
 * @param inserted batch rows whose key matched no existing row
 */
public record MergeResult(long updated, long inserted) {}
