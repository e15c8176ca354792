package io.quacklake.internal.txn;

import io.quacklake.storage.Location;
import java.util.UUID;

/**
 * A schema created by a transaction; its catalog id is allocated at commit.
 *
 * @param name its name
 * @param uuid its uuid (also names its directory when the name is not path-safe)
 * @param path its directory as stored: relative to the data path when {@code pathIsRelative}, else
 *     absolute; ending in {@code /}
 * @param pathIsRelative whether {@code path} hangs off the data path
 * @param directory where its tables' directories go
 */
public record NewSchema(
    String name, UUID uuid, String path, boolean pathIsRelative, Location directory) {}
