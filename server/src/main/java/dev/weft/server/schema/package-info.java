/**
 * JSON Schema of WIT types, following Weft's JSON value mapping (docs/values.md), and the OpenAPI
 * 3.1 document of served flows built from them. Pure functions of checked flows.
 */
package dev.weft.server.schema;
