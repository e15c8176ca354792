package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.TableName;
import io.quacklake.storage.StorageSettings;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/** Appends to a Quacklake table: {@code INSERT INTO}, {@code df.writeTo(..).append()}, CTAS. */
public final class QuacklakeWriteBuilder implements WriteBuilder {
  private final Lake lake;
  private final TableName table;
  private final StorageSettings storage;
  private final LogicalWriteInfo info;

  public QuacklakeWriteBuilder(
      Lake lake, TableName table, StorageSettings storage, LogicalWriteInfo info) {
    this.lake = lake;
    this.table = table;
    this.storage = storage;
    this.info = info;
  }

  @Override
  public Write build() {
    return new Write() {
      @Override
      public BatchWrite toBatch() {
        return new QuacklakeBatchWrite(lake, table, storage, info.queryId());
      }

      @Override
      public String description() {
        return "Quacklake append to " + table;
      }
    };
  }
}
