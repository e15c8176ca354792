/**
 * The public API of Quacklake (decision 0012): {@link io.quacklake.Lake} opens or creates a lake;
 * {@link io.quacklake.Table}, {@link io.quacklake.TableScan}, {@link io.quacklake.ScanReader} and
 * {@link io.quacklake.RowIterator} read it; {@link io.quacklake.Transaction} changes it; {@link
 * io.quacklake.Snapshot}, {@link io.quacklake.TableName}, {@link io.quacklake.MergeResult}, {@link
 * io.quacklake.PlannedFile} and the other records are the values it hands out; {@link
 * io.quacklake.LakeOptions} and {@link io.quacklake.LakeConfig} configure it; {@link
 * io.quacklake.CatalogVersions} manages an object-store catalog's versions; {@link
 * io.quacklake.ParquetFiles} and {@link io.quacklake.CatalogLocations} serve tools such as the CLI.
 * These classes are facades: the work is done under {@code io.quacklake.internal}, reached through
 * one {@link io.quacklake.internal.lake.LakeContext} per open lake. Public signatures here use only
 * the public packages ({@code io.quacklake.exceptions}, {@code expr}, {@code types}, {@code
 * storage}), Arrow and the JDK, never an {@code internal} type.
 */
package io.quacklake;
