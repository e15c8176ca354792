/**
 * An Arrow Flight server for one lake ({@link io.quacklake.flight.FlightLakeServer}): the way
 * Python and other Arrow clients read and write Quacklake lakes. The wire protocol is in {@code
 * docs/flight.md}.
 */
package io.quacklake.flight;
