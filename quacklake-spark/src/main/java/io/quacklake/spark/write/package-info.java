/** Spark batch writes into Quacklake tables: executors write files, the driver commits once. */
package io.quacklake.spark.write;
