/** Types, values and predicates between Spark SQL and Quacklake. */
package io.quacklake.spark.convert;
