/**
 * The JSON messages of the Flight protocol: scan tickets and commands, upload commands and action
 * bodies and results, parsed with one clear error for anything malformed.
 */
package io.quacklake.flight.protocol;
