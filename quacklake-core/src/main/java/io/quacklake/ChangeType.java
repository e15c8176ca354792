package io.quacklake;

/** The kind of a row-level change, named as DuckDB's {@code ducklake_table_changes} names it. */
public enum ChangeType {
  INSERT("insert"),
  DELETE("delete"),
  /** The row as it was before an update (same row id and snapshot as its postimage). */
  UPDATE_PREIMAGE("update_preimage"),
  /** The row as an update left it. */
  UPDATE_POSTIMAGE("update_postimage");

  private final String text;

  ChangeType(String text) {
    this.text = text;
  }

  /** DuckDB's name: {@code insert}, {@code delete}, {@code update_preimage}, ... */
  public String text() {
    return text;
  }

  /** Whether the change brings a row version in (an insert or an update's postimage). */
  public boolean isInsertion() {
    return this == INSERT || this == UPDATE_POSTIMAGE;
  }

  /**
   * The change type DuckDB names {@code text}.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT for any other text
   */
  public static ChangeType of(String text) {
    for (ChangeType t : values()) {
      if (t.text.equals(text)) {
        return t;
      }
    }
    throw io.quacklake.exceptions.QuacklakeException.invalid(
        "unknown change type '%s': insert, delete, update_preimage or update_postimage", text);
  }
}
