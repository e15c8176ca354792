package io.quacklake.internal.txn;

import java.util.Objects;

/** One entry of a {@code changes_made} log: a {@link ChangeKind} and its value. */
sealed interface Change permits Change.CreatedSchema, Change.CreatedEntry, Change.IdChange {
  ChangeKind kind();

  /** The value as DuckDB writes it after the colon: a plain id or double-quoted names. */
  String value();

  /** The entry as it appears in {@code changes_made}, e.g. {@code created_table:"main"."t"}. */
  default String toText() {
    return kind().token() + ":" + value();
  }

  /** A past-tense phrase for messages, e.g. {@code altered table 3}. */
  default String describe() {
    return kind().describe(value());
  }

  /** {@code created_schema:"name"}. */
  record CreatedSchema(String name) implements Change {
    public CreatedSchema {
      Objects.requireNonNull(name, "name is null");
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.CREATED_SCHEMA;
    }

    @Override
    public String value() {
      return quote(name);
    }
  }

  /** A created table, view or macro: {@code kind:"schema"."name"}. */
  record CreatedEntry(ChangeKind kind, String schema, String name) implements Change {
    public CreatedEntry {
      Objects.requireNonNull(kind, "kind is null");
      Objects.requireNonNull(schema, "schema is null");
      Objects.requireNonNull(name, "name is null");
      if (kind.shape() != ChangeKind.Shape.QUALIFIED_NAME) {
        throw new IllegalArgumentException(kind + " does not take a schema-qualified name");
      }
    }

    @Override
    public String value() {
      return quote(schema) + "." + quote(name);
    }
  }

  /** A change identified by a schema, table, view or macro id: {@code kind:id}. */
  record IdChange(ChangeKind kind, long id) implements Change {
    public IdChange {
      Objects.requireNonNull(kind, "kind is null");
      if (kind.shape() != ChangeKind.Shape.ID) {
        throw new IllegalArgumentException(kind + " does not take an id");
      }
      if (id < 0) {
        throw new IllegalArgumentException("id is negative: " + id);
      }
    }

    @Override
    public String value() {
      return Long.toString(id);
    }
  }

  static Change createdSchema(String name) {
    return new CreatedSchema(name);
  }

  static Change createdTable(String schema, String name) {
    return new CreatedEntry(ChangeKind.CREATED_TABLE, schema, name);
  }

  static Change createdView(String schema, String name) {
    return new CreatedEntry(ChangeKind.CREATED_VIEW, schema, name);
  }

  static Change of(ChangeKind kind, long id) {
    return new IdChange(kind, id);
  }

  /** Double-quotes a name, doubling every inner quote, as DuckDB does. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
