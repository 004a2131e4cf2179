/**
 * The realtime protocol's version. A client sends it in the handshake; the server refuses
 * any other with PROTOCOL_MISMATCH, so an old phone tab is told to reload instead of
 * misreading messages. Bump it on any change that an older client would misread.
 * @example
 * io(url, { auth: { protocolVersion: PROTOCOL_VERSION } });
 */
export const PROTOCOL_VERSION = 4;
