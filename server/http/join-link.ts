/**
 * The join link of a class and its QR code, for the address phones can reach
 * (server/public-url.ts). When only loopback is known there is no link, and a message
 * says why instead of printing one no phone could open.
 */
import type http from "node:http";
import QRCode from "qrcode";
import type { JoinInfoResponse } from "../../lib/protocol/http";
import { publicBase } from "../public-url";
import type { ApiContext } from "./route";

const LOOPBACK_ONLY_MESSAGE =
  "Phones cannot reach this address (it only works on this computer). Open Synapse using this computer's network address, or set PUBLIC_URL.";

/**
 * @example
 * await joinLinkFor("K7QF3M", req, ctx); // { code, joinUrl: "http://192.168.1.20:3000/join/K7QF3M", qrSvg: "<svg…", … }
 */
export async function joinLinkFor(code: string, req: http.IncomingMessage, ctx: ApiContext): Promise<JoinInfoResponse> {
  const { base, loopbackOnly } = publicBase({ publicUrl: ctx.publicUrl, hostHeader: req.headers.host, port: ctx.port });
  const joinUrl = base ? `${base}/join/${code}` : null;
  const qrSvg = joinUrl ? await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
  return { code, joinUrl, qrSvg, loopbackOnly, message: loopbackOnly ? LOOPBACK_ONLY_MESSAGE : null };
}
