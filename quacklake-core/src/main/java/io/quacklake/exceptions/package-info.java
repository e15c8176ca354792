/**
 * The one exception Quacklake throws, {@link io.quacklake.exceptions.QuacklakeException}, and its
 * {@link io.quacklake.exceptions.ErrorKind}, which says what the caller should do (decision 0002).
 * Public API; depends on the JDK only.
 */
package io.quacklake.exceptions;
