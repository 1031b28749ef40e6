/**
 * Event-bus codecs for Weft's records: local delivery passes the same immutable instance, the
 * wire carries JSON. Registered once per Vert.x instance by the server at start-up.
 */
package dev.weft.server.codecs;
