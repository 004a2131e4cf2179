/**
 * How to join, for the room: the code (huge), the link and the QR code. Shared by the dashboard
 * and the projector views. When the server only knows a loopback address it says so plainly
 * instead of printing a link no phone could open.
 */
import type { JoinInfo } from "./use-join-info";

interface JoinDetailsProps {
  code: string;
  info: JoinInfo | null;
  error: string | null;
  roomLocked: boolean;
  /** Once the session is over, the code stays visible but no link or QR invites anyone in. */
  ended?: boolean;
  size: "dashboard" | "projector";
}

const SIZES = {
  dashboard: { code: "text-[clamp(3rem,4.2vw,5.5rem)]", qr: "w-44 xl:w-52", link: "text-lg xl:text-xl" },
  projector: { code: "text-[clamp(3.5rem,4.6vw,7rem)]", qr: "w-48 min-[100rem]:w-72", link: "text-lg min-[100rem]:text-2xl" },
} as const;

export function JoinDetails({ code, info, error, roomLocked, ended = false, size }: JoinDetailsProps) {
  const s = SIZES[size];
  const qrSrc = info?.qrSvg ? `data:image/svg+xml;utf8,${encodeURIComponent(info.qrSvg)}` : null;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-base font-bold uppercase tracking-wider text-slate-600">Join with the code</p>
        <div role="group" aria-label="Join code" className={`font-mono font-black leading-none tracking-[0.1em] text-slate-950 ${s.code}`}>
          {code}
        </div>
      </div>
      {ended && <p className="rounded-lg bg-slate-900 px-3 py-2 text-base font-bold text-white">This session has ended: the code no longer works.</p>}
      {ended ? null : roomLocked && (
        <p className="rounded-lg bg-amber-100 px-3 py-2 text-base font-bold text-amber-950">Room locked: no new students can join.</p>
      )}
      {ended ? null : info?.loopbackOnly ? (
        <p className="rounded-lg border-2 border-amber-600 bg-amber-50 px-3 py-2 text-base font-semibold text-amber-950">
          {info.message ?? "Phones cannot reach this address. Open Synapse at this machine's network address, or set PUBLIC_URL."}
        </p>
      ) : info?.joinUrl ? (
        <div className="flex flex-col gap-3">
          {qrSrc && (
            <img src={qrSrc} alt={`QR code that opens ${info.joinUrl}`} className={`aspect-square rounded-lg bg-white p-2 ring-1 ring-slate-300 ${s.qr}`} />
          )}
          <p className={`font-semibold text-slate-800 ${s.link}`}>
            <span className="block text-sm font-bold uppercase tracking-wider text-slate-600">Scan, or open</span>
            <a href={info.joinUrl} className="break-all text-indigo-800 underline decoration-2 underline-offset-4">
              {info.joinUrl}
            </a>
          </p>
        </div>
      ) : (
        <p className="text-base text-slate-600">{error ?? "Loading the join link…"}</p>
      )}
    </div>
  );
}

/**
 * The join details once the class is in: the code, smaller, and the link as text, in one line,
 * so the diagram gets the room. The code keeps its "Join code" name.
 */
export function JoinStrip({ code, info, ended, size }: { code: string; info: JoinInfo | null; ended: boolean; size: "dashboard" | "projector" }) {
  const codeSize = size === "projector" ? "text-[2rem]" : "text-[1.75rem]";
  return (
    <div className={`flex min-w-0 items-baseline gap-x-4 gap-y-1 ${size === "projector" ? "flex-wrap lg:flex-1 lg:flex-nowrap" : "flex-wrap"}`}>
      <span className="shrink-0 text-base font-bold text-slate-700">{ended ? "The code was" : "Join with the code"}</span>
      <div role="group" aria-label="Join code" className={`font-mono font-black leading-none tracking-[0.1em] text-slate-950 ${codeSize}`}>
        {code}
      </div>
      {!ended && info?.joinUrl && !info.loopbackOnly && (
        <span className="min-w-0 truncate text-lg font-semibold text-slate-800">
          at <span className="text-indigo-800">{info.joinUrl.replace(/^https?:\/\//, "")}</span>
        </span>
      )}
    </div>
  );
}
