/** Spark scans of Quacklake tables: one input partition per Quacklake scan task. */
package io.quacklake.spark.read;
