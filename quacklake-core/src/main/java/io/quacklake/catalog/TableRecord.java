package io.quacklake.catalog;

import java.util.UUID;

/** A table visible at a snapshot ({@code ducklake_table}) with its schema's name. */
public record TableRecord(
    long tableId,
    UUID uuid,
    long beginSnapshot,
    long schemaId,
    String schemaName,
    String name,
    String path,
    boolean pathIsRelative) {

  public String qualifiedName() {
    return schemaName + "." + name;
  }
}
