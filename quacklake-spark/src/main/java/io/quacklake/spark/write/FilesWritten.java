package io.quacklake.spark.write;

import io.quacklake.WrittenDataFile;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What one Spark task wrote, sent to the driver for the commit. */
record FilesWritten(List<WrittenDataFile> files) implements WriterCommitMessage {}
