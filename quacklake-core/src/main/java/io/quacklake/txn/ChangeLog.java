package io.quacklake.txn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Renders a commit's {@code changes_made} text in DuckDB's token order and quoting. */
final class ChangeLog {
  private ChangeLog() {}

  static String of(CommitSummary s) {
    List<String> out = new ArrayList<>();
    ids(out, "dropped_schema", s.droppedSchemas);
    ids(out, "dropped_table", s.droppedTables);
    for (String name : s.createdSchemas) {
      out.add("created_schema:" + quote(name));
    }
    for (String[] t : s.createdTables) {
      out.add("created_table:" + quote(t[0]) + "." + quote(t[1]));
    }
    ids(out, "inserted_into_table", s.insertedInto);
    ids(out, "deleted_from_table", s.deletedFrom);
    ids(out, "altered_table", s.altered);
    ids(out, "inlined_insert", s.inlinedInsert);
    ids(out, "inlined_delete", s.inlinedDelete);
    return out.isEmpty() ? null : String.join(",", out);
  }

  private static void ids(List<String> out, String token, Collection<Long> ids) {
    for (long id : ids) {
      out.add(token + ":" + id);
    }
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
