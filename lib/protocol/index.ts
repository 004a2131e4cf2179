/**
 * The realtime protocol shared by the server and the browser: version, command schemas,
 * server events and error codes. `docs/protocol.md` describes each event in prose.
 */
export { PROTOCOL_VERSION } from "./version";
export * from "./errors";
export * from "./handshake";
export * from "./commands";
export * from "./server-events";
export { formatIssues } from "./format-issues";
