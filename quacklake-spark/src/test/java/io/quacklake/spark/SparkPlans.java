package io.quacklake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import scala.jdk.javaapi.CollectionConverters;

/** The Quacklake scan Spark planned for a query, taken from its physical plan. */
final class SparkPlans {
  private SparkPlans() {}

  /**
   * The query's one DataSource V2 scan, as Spark configured it (pruned columns, pushed filters).
   */
  static Scan scan(Dataset<Row> query) {
    List<Scan> scans = new ArrayList<>();
    for (SparkPlan leaf :
        CollectionConverters.asJava(query.queryExecution().sparkPlan().collectLeaves())) {
      if (leaf instanceof BatchScanExec batch) {
        scans.add(batch.scan());
      }
    }
    assertThat(scans).as("batch scans in the plan of %s", query).hasSize(1);
    return scans.get(0);
  }

  /** How many input partitions (Spark tasks) the query's scan plans. */
  static int inputPartitions(Dataset<Row> query) {
    return scan(query).toBatch().planInputPartitions().length;
  }
}
