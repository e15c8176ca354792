package io.quacklake.spark.write;

import java.io.Serializable;

/**
 * Where a row-level operation's values are in the rows Spark hands its writers.
 *
 * @param ordinals for each table column, its position in a data row
 * @param fileIdOrdinal the data file id's position in a metadata row
 * @param positionOrdinal the file position's position in a metadata row
 */
record DeltaLayout(int[] ordinals, int fileIdOrdinal, int positionOrdinal)
    implements Serializable {}
