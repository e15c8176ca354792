package io.quacklake.spark.write;

import io.quacklake.RowLocations;
import io.quacklake.WrittenDataFile;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one Spark task of a row-level operation did: the rows it deleted or replaced, by location,
 * and the files it wrote (new row versions and inserted rows).
 */
record RowsChanged(RowLocations deleted, List<WrittenDataFile> files)
    implements WriterCommitMessage {}
