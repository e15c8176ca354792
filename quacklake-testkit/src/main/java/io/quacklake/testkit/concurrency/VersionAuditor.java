package io.quacklake.testkit.concurrency;

import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.Lake;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an object-store catalog's history: versions dense from 1, each version one snapshot after
 * the previous (version N holds snapshot N-1), every block of every manifest present in the store,
 * and the newest version's file matching its checksums (opening verifies them).
 */
public final class VersionAuditor {
  private VersionAuditor() {}

  public static List<String> audit(Lake lake) {
    List<String> problems = new ArrayList<>();
    CatalogVersions versions = lake.catalogVersions();
    List<CatalogVersion> history = versions.history();
    for (int i = 0; i < history.size(); i++) {
      CatalogVersion m = history.get(i);
      if (m.version() != i + 1) {
        problems.add("versions are not dense: position " + i + " holds version " + m.version());
        break;
      }
      if (m.snapshotId() != m.version() - 1) {
        problems.add("version " + m.version() + " holds snapshot " + m.snapshotId());
      }
    }
    versions.missingBlocks().forEach(b -> problems.add("missing " + b));
    if (!history.isEmpty()
        && versions.current().version() != history.get(history.size() - 1).version()) {
      problems.add("the lake opened version " + versions.current().version());
    }
    return problems;
  }
}
