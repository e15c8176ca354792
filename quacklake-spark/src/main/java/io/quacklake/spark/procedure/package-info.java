/** Quacklake's maintenance as Spark procedures in the catalog's {@code system} namespace. */
package io.quacklake.spark.procedure;
