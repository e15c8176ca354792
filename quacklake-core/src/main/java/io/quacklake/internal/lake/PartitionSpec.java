package io.quacklake.internal.lake;

import io.quacklake.PartitionField;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.write.PartitionKey;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/** Turns partition fields (column name + transform) into keys bound to a table's columns. */
public final class PartitionSpec {
  private PartitionSpec() {}

  /**
   * @throws QuacklakeException INVALID_ARGUMENT for an unknown column or a transform that does not
   *     fit its type
   */
  public static List<PartitionKey> keys(
      List<LakeColumn> columns, List<PartitionField> fields, int from) {
    List<PartitionKey> keys = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      PartitionField f = fields.get(i);
      LakeColumn column =
          columns.stream()
              .filter(c -> c.name().equalsIgnoreCase(f.column()))
              .findFirst()
              .orElseThrow(
                  () ->
                      QuacklakeException.invalid(
                          "cannot partition by %s: no such column; the columns are %s",
                          f.column(), columns.stream().map(LakeColumn::name).toList()));
      keys.add(new PartitionKey(from + i, column, f.transform()));
    }
    return keys;
  }
}
