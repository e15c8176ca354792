/**
 * Concurrency proof: a writer workload that appends and deletes against one lake and logs every
 * acknowledged commit (runnable in a thread or as its own JVM process), and an auditor that checks
 * the lake against those logs afterwards.
 */
package io.quacklake.testkit.concurrency;
