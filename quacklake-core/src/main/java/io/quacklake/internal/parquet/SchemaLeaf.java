package io.quacklake.internal.parquet;

import io.quacklake.types.LakeType;

/** A leaf column of a written file: its field id and DuckLake type. */
record SchemaLeaf(long fieldId, LakeType type) {}
