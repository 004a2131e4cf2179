/** The rules' one way to say no: throw a ProtocolError, which the caller turns into an ack. */
import { ProtocolError, type ErrorCode } from "../protocol/errors";

export function refuse(code: ErrorCode, message: string): never {
  throw new ProtocolError(code, message);
}
