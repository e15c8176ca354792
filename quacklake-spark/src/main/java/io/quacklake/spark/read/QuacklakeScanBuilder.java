package io.quacklake.spark.read;

import io.quacklake.TableScan;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.spark.convert.SparkPredicates;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark scan being set up: Spark prunes columns and pushes predicates; the predicates that
 * convert prune files, partitions and row groups in Quacklake, and Spark still evaluates every
 * predicate on the rows it gets (so a conversion can never change an answer).
 */
public final class QuacklakeScanBuilder
    implements ScanBuilder,
        SupportsPushDownRequiredColumns,
        SupportsPushDownV2Filters,
        SupportsPushDownAggregates {
  private final TableScan base;
  private final List<LakeColumn> columns;
  private final StorageSettings storage;
  private List<String> required;
  private final List<Predicate> pushed = new ArrayList<>();
  private final List<Expression> filters = new ArrayList<>();

  private final long splitSize;

  public QuacklakeScanBuilder(
      TableScan base, List<LakeColumn> columns, StorageSettings storage, long splitSize) {
    this.splitSize = splitSize;
    this.base = base;
    this.columns = columns;
    this.storage = storage;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    List<String> names = new ArrayList<>();
    for (StructField f : requiredSchema.fields()) {
      names.add(f.name());
    }
    required = names;
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    Map<String, LakeColumn> byName = SparkPredicates.byName(columns);
    for (Predicate p : predicates) {
      Expression e = SparkPredicates.convert(p, byName);
      if (e != null) {
        pushed.add(p);
        filters.add(e);
      }
    }
    return predicates;
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.toArray(new Predicate[0]);
  }

  /**
   * {@code count(*)} with no filter and no grouping, answered from the catalog's record and delete
   * counts when they are exact; anything else is left to Spark.
   */
  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    if (!filters.isEmpty()
        || aggregation.groupByExpressions().length != 0
        || aggregation.aggregateExpressions().length != 1
        || !(aggregation.aggregateExpressions()[0] instanceof CountStar)) {
      return false;
    }
    OptionalLong count = base.metadataCount();
    if (count.isEmpty()) {
      return false;
    }
    metadataCount = count.getAsLong();
    return true;
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return metadataCount != null || pushAggregation(aggregation);
  }

  private Long metadataCount;

  @Override
  public Scan build() {
    if (metadataCount != null) {
      return new CountScan(metadataCount);
    }
    List<String> data = required == null ? null : new ArrayList<>();
    boolean locations = false;
    if (required != null) {
      for (String name : required) {
        if (LocationColumns.isLocation(name)) {
          locations = true;
        } else {
          data.add(name);
        }
      }
    }
    TableScan scan = data == null ? base : base.select(data);
    if (locations) {
      scan = scan.withRowLocations();
    }
    if (!filters.isEmpty()) {
      scan = scan.filter(Expressions.and(filters.toArray(new Expression[0])));
    }
    List<LakeColumn> output = new ArrayList<>();
    if (required == null) {
      output.addAll(columns);
    } else {
      for (String name : data) {
        columns.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(output::add);
      }
    }
    if (locations) {
      output.addAll(LocationColumns.ALL);
    }
    return new QuacklakeScan(scan, output, storage, pushed, splitSize);
  }
}
