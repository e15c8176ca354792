package io.quacklake.testkit.peer;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Snapshot;
import io.quacklake.TableInfo;
import io.quacklake.testkit.RenderedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every table at every snapshot of a lake through Quacklake, closing the lake afterwards. */
final class QuacklakeReader {
  private QuacklakeReader() {}

  static LakeReading read(LakeLocation location) {
    List<Long> ids = new ArrayList<>();
    Map<SnapshotTable, RenderedResult> tables = new LinkedHashMap<>();
    Map<SnapshotTable, String> howRead = new LinkedHashMap<>();
    LakeOptions options =
        location.dataPath() == null
            ? LakeOptions.defaults()
            : LakeOptions.dataPath(location.dataPath());
    try (Lake lake = Lake.open(location.catalog(), options)) {
      for (Snapshot snapshot : lake.snapshots()) {
        ids.add(snapshot.id());
        for (TableInfo info : lake.tables(snapshot.id())) {
          SnapshotTable key = new SnapshotTable(snapshot.id(), info.name());
          tables.put(
              key, RenderedResult.of(lake.table(info.name()).scan().asOf(snapshot.id()).arrow()));
          howRead.put(
              key,
              "Lake.open(\""
                  + location.catalog()
                  + (location.dataPath() == null
                      ? "\""
                      : "\", LakeOptions.dataPath(\"" + location.dataPath() + "\")")
                  + ").table(\""
                  + info.name()
                  + "\").scan().asOf("
                  + snapshot.id()
                  + ")");
        }
      }
    }
    ids.sort(null);
    return new LakeReading(ids, tables, howRead);
  }
}
