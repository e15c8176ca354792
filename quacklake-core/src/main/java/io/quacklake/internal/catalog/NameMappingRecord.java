package io.quacklake.internal.catalog;

/**
 * A row of {@code ducklake_name_mapping}: one field of a file registered without field ids.
 *
 * @param mappingId the mapping (a data file's {@code mapping_id})
 * @param columnId the entry's id within the mapping
 * @param sourceName the field's name in the file
 * @param targetFieldId the table column or nested field it holds
 * @param parentColumn the parent entry's {@code columnId}, or null at the top level
 * @param partition whether the value comes from the file's hive path
 */
public record NameMappingRecord(
    long mappingId,
    long columnId,
    String sourceName,
    long targetFieldId,
    Long parentColumn,
    boolean partition) {}
