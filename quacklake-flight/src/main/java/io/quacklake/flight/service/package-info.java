/**
 * What the server does with each Flight call: scans streamed with back-pressure, uploads committed
 * once complete, actions, transactions held between calls, bearer-token checks and the mapping of
 * Quacklake errors to Flight status codes.
 */
package io.quacklake.flight.service;
