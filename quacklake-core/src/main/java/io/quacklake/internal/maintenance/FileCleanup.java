package io.quacklake.internal.maintenance;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.catalog.ScheduledFile;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes files the catalog no longer needs, never outside the data path: files scheduled for
 * deletion once their grace period has passed (DuckDB's {@code ducklake_cleanup_old_files}), and
 * files no catalog row refers to once older than a minimum age ({@code
 * ducklake_delete_orphaned_files}). A file is deleted before its scheduling row, so an interrupted
 * run leaves rows whose files are gone, which the next run removes.
 */
final class FileCleanup {
  private final LakeContext lake;

  private final io.quacklake.MaintenanceProgress progress;

  FileCleanup(LakeContext lake, io.quacklake.MaintenanceProgress progress) {
    this.lake = lake;
    this.progress = progress;
  }

  /** Scheduled files whose schedule began before {@code cutoff}; returns their paths. */
  List<String> oldFiles(Instant cutoff, boolean dryRun) {
    Location root = lake.paths().root();
    record Chosen(ScheduledFile row, Location location) {}
    List<Chosen> chosen = new ArrayList<>();
    Set<String> referenced =
        lake.catalog()
            .read(
                "files scheduled for deletion",
                c -> {
                  for (ScheduledFile f : MaintenanceGateway.scheduledFiles(c)) {
                    if (!f.scheduled().isBefore(cutoff) && cutoff != Instant.MAX) {
                      continue;
                    }
                    Location l = locationOrNull(f, root);
                    if (l != null && inside(l, root)) {
                      chosen.add(new Chosen(f, l));
                    }
                  }
                  return MaintenanceGateway.referencedFiles(c, root);
                });
    List<String> paths = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    String step = "deleting old files";
    progress.update(step, 0, chosen.size());
    int seen = 0;
    for (Chosen c : chosen) {
      progress.update(step, seen++, chosen.size());
      if (referenced.contains(c.location().value())) {
        continue;
      }
      paths.add(c.location().value());
      if (!dryRun && delete(c.location())) {
        done.add(c.row().fileId());
      }
    }
    progress.update(step, chosen.size(), chosen.size());
    if (!done.isEmpty()) {
      lake.catalog()
          .write(
              "removing deleted files from the deletion schedule",
              c -> {
                MaintenanceGateway.unschedule(c, done);
                return null;
              });
    }
    return paths;
  }

  /**
   * Files under the data path that no catalog row refers to and that were last modified before
   * {@code cutoff}, and abandoned partial writes as old; returns their paths. Storage is listed
   * before the catalog is read, so a file committed in between counts as known.
   *
   * @param grace the lake's {@code delete_older_than}, which bounds how stale the catalog read may
   *     be when a file is deleted
   */
  List<String> orphans(Instant cutoff, boolean dryRun, java.time.Duration grace) {
    Location root = lake.paths().root();
    List<FileEntry> listed;
    List<FileEntry> abandoned;
    try {
      listed = lake.store().list(root);
      abandoned = lake.store().abandonedWrites(root);
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + " for orphaned files", e);
    }
    Known known = new Known(root, grace);
    List<String> paths = new ArrayList<>();
    String step = "deleting orphaned files";
    long total = listed.size() + abandoned.size();
    long seen = 0;
    progress.update(step, 0, total);
    for (FileEntry e : listed) {
      progress.update(step, ++seen, total);
      String name = e.location().value();
      boolean dataFile = name.endsWith(".parquet") || name.endsWith(".puffin");
      if (dataFile
          && inside(e.location(), root)
          && e.lastModified().isBefore(cutoff)
          && !known.contains(name)) {
        paths.add(name);
        if (!dryRun) {
          delete(e.location());
        }
      }
    }
    for (FileEntry e : abandoned) {
      progress.update(step, ++seen, total);
      if (inside(e.location(), root) && e.lastModified().isBefore(cutoff)) {
        paths.add(e.location().value());
        if (!dryRun) {
          delete(e.location());
        }
      }
    }
    return paths;
  }

  /**
   * The files the catalog knows, read again whenever the last read is more than a quarter of the
   * grace period old: a commit publishes only files younger than half the grace period (decision
   * 0013), so a file older than the grace period that a commit after the last read published cannot
   * exist.
   */
  private final class Known {
    private final Location root;
    private final java.time.Duration refresh;
    private Set<String> files;
    private Instant readAt;

    Known(Location root, java.time.Duration grace) {
      this.root = root;
      this.refresh = grace.dividedBy(4);
    }

    boolean contains(String location) {
      if (files == null || Instant.now().isAfter(readAt.plus(refresh))) {
        readAt = Instant.now();
        files =
            lake.catalog()
                .read("files the catalog knows", c -> MaintenanceGateway.knownFiles(c, root));
      }
      return files.contains(location);
    }
  }

  private boolean delete(Location file) {
    try {
      lake.store().delete(file);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Location locationOrNull(ScheduledFile f, Location root) {
    try {
      return MaintenanceGateway.location(f, root);
    } catch (QuacklakeException e) {
      return null;
    }
  }

  private static boolean inside(Location file, Location root) {
    String r = root.value();
    return file.value().startsWith(r)
        && file.value().length() > r.length()
        && Location.staysInside(file.value().substring(r.length()));
  }
}
