package io.quacklake.internal.txn;

import java.util.Optional;

/**
 * The token types of a {@code changes_made} entry, declared in the order DuckDB writes them. Views
 * are emitted together with tables (DuckDB keeps both in one map per schema).
 */
enum ChangeKind {
  DROPPED_SCHEMA("dropped_schema", "schemas_dropped", Shape.ID, "dropped schema %s"),
  DROPPED_TABLE("dropped_table", "tables_dropped", Shape.ID, "dropped table %s"),
  DROPPED_VIEW("dropped_view", "views_dropped", Shape.ID, "dropped view %s"),
  CREATED_SCHEMA("created_schema", "schemas_created", Shape.SCHEMA_NAME, "created schema %s"),
  CREATED_TABLE("created_table", "tables_created", Shape.QUALIFIED_NAME, "created table %s"),
  CREATED_VIEW("created_view", "views_created", Shape.QUALIFIED_NAME, "created view %s"),
  CREATED_SCALAR_MACRO(
      "created_scalar_macro",
      "scalar_macros_created",
      Shape.QUALIFIED_NAME,
      "created scalar macro %s"),
  CREATED_TABLE_MACRO(
      "created_table_macro",
      "table_macros_created",
      Shape.QUALIFIED_NAME,
      "created table macro %s"),
  DROPPED_SCALAR_MACRO(
      "dropped_scalar_macro", "scalar_macros_dropped", Shape.ID, "dropped scalar macro %s"),
  DROPPED_TABLE_MACRO(
      "dropped_table_macro", "table_macros_dropped", Shape.ID, "dropped table macro %s"),
  INSERTED_INTO_TABLE(
      "inserted_into_table", "tables_inserted_into", Shape.ID, "inserted into table %s"),
  DELETED_FROM_TABLE(
      "deleted_from_table", "tables_deleted_from", Shape.ID, "deleted from table %s"),
  ALTERED_TABLE("altered_table", "tables_altered", Shape.ID, "altered table %s"),
  ALTERED_VIEW("altered_view", "views_altered", Shape.ID, "altered view %s"),
  INLINED_INSERT(
      "inlined_insert", "inlined_insert", Shape.ID, "inserted inlined rows into table %s"),
  INLINED_DELETE("inlined_delete", "inlined_delete", Shape.ID, "deleted inlined rows of table %s"),
  INLINE_FLUSH("inline_flush", "flushed_inlined", Shape.ID, "flushed inlined data of table %s"),
  MERGE_ADJACENT("merge_adjacent", "merge_adjacent", Shape.ID, "merged adjacent files of table %s"),
  REWRITE_DELETE("rewrite_delete", "rewrite_delete", Shape.ID, "rewrote the deletes of table %s"),
  /** Legacy compaction token: parsed, never written by DuckDB today, ignored by conflict checks. */
  COMPACTED_TABLE("compacted_table", "merge_adjacent", Shape.ID, "compacted table %s");

  /** What follows the colon. */
  public enum Shape {
    /** A plain decimal id. */
    ID,
    /** One double-quoted name. */
    SCHEMA_NAME,
    /** {@code "schema"."name"}. */
    QUALIFIED_NAME
  }

  private static final String LEGACY_FLUSH_TOKEN = "flushed_inlined";

  private final String token;
  private final String summaryKey;
  private final Shape shape;
  private final String description;

  ChangeKind(String token, String summaryKey, Shape shape, String description) {
    this.token = token;
    this.summaryKey = summaryKey;
    this.shape = shape;
    this.description = description;
  }

  /** The token DuckDB writes before the colon. */
  public String token() {
    return token;
  }

  /**
   * The key under which DuckDB's {@code ducklake_snapshots()} lists changes of this kind, e.g.
   * {@code tables_created}; legacy kinds share the key of the kind that replaced them.
   */
  public String summaryKey() {
    return summaryKey;
  }

  public Shape shape() {
    return shape;
  }

  /** True for the tokens a commit may not mix with any other kind of change. */
  public boolean isCompaction() {
    return this == MERGE_ADJACENT || this == REWRITE_DELETE || this == COMPACTED_TABLE;
  }

  /** True for tokens DuckDB still parses but no longer writes. */
  public boolean isLegacy() {
    return this == COMPACTED_TABLE;
  }

  /**
   * The kind for a token, compared case-insensitively as DuckDB does; the legacy spelling {@code
   * flushed_inlined} maps to {@link #INLINE_FLUSH}.
   */
  public static Optional<ChangeKind> fromToken(String token) {
    String lower = NameKey.of(token).folded();
    if (lower.equals(LEGACY_FLUSH_TOKEN)) {
      return Optional.of(INLINE_FLUSH);
    }
    for (ChangeKind kind : values()) {
      if (kind.token.equals(lower)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Position in DuckDB's output; tables and views share one group. */
  int emitGroup() {
    return this == CREATED_VIEW ? CREATED_TABLE.ordinal() : ordinal();
  }

  String describe(String value) {
    return String.format(description, value);
  }
}
