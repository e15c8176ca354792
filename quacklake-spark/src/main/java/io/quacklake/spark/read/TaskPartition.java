package io.quacklake.spark.read;

import io.quacklake.ScanTask;
import org.apache.spark.sql.connector.read.InputPartition;

/** One Quacklake scan task as a Spark input partition (serialised to an executor). */
record TaskPartition(ScanTask task) implements InputPartition {}
