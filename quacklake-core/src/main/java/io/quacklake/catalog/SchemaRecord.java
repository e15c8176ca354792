package io.quacklake.catalog;

import java.util.UUID;

/** A schema visible at a snapshot ({@code ducklake_schema}). */
public record SchemaRecord(
    long schemaId,
    UUID uuid,
    long beginSnapshot,
    String name,
    String path,
    boolean pathIsRelative) {}
