/**
 * The benchmark's baseline: a bare Socket.IO server doing the same fan-out as Synapse and
 * nothing else: no database, no validation beyond a range check, no Next.js. Each move is
 * folded into its room's state as it arrives (the latest value per student wins) and
 * acknowledged at once; every 25 ms each room with moves sends one `session:update` to all
 * its clients, with the same event shape Synapse sends, so the same clients measure both.
 *
 * Run: PORT=4000 HOST=127.0.0.1 node --import tsx bench/bare-server.ts
 * Handshake auth: { room, id, role: "teacher" | "student" }.
 */
import http from "node:http";
import { Server } from "socket.io";

const PORT = Number(process.env.PORT ?? 0);
const HOST = process.env.HOST ?? "127.0.0.1";
const TICK_MS = Number(process.env.TICK_MS ?? 25);
/** Synapse's default neuron has two weights; the events carry the same amount of data. */
const WEIGHTS = [0.5, -0.5];

interface EntrySet {
  seq: number;
  type: "entry.set";
  payload: { studentId: string; values: { weights: number[]; bias: number } };
  actor: string;
}

interface BareRoom {
  seq: number;
  values: Map<string, { weights: number[]; bias: number }>;
  /** Students who moved since the last tick, in order of their latest move. */
  moved: Map<string, number>;
  timer: NodeJS.Timeout;
}

const rooms = new Map<string, BareRoom>();

const server = http.createServer((req, res) => {
  if (req.url === "/api/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
    return;
  }
  res.writeHead(404);
  res.end();
});

const io = new Server(server, {
  maxHttpBufferSize: 64 * 1024,
  serveClient: false,
  pingInterval: 10_000,
  pingTimeout: 8_000,
});

function roomFor(id: string): BareRoom {
  let room = rooms.get(id);
  if (!room) {
    const created: BareRoom = { seq: 0, values: new Map(), moved: new Map(), timer: setInterval(() => tick(id, created), TICK_MS) };
    room = created;
    rooms.set(id, room);
  }
  return room;
}

function tick(id: string, room: BareRoom): void {
  if (room.moved.size === 0) return;
  const events: EntrySet[] = [];
  for (const studentId of room.moved.keys()) {
    events.push({ seq: ++room.seq, type: "entry.set", payload: { studentId, values: room.values.get(studentId)! }, actor: studentId });
  }
  room.moved.clear();
  io.to(id).emit("session:update", { events });
}

io.on("connection", (socket) => {
  const auth = (socket.handshake.auth ?? {}) as { room?: unknown; id?: unknown; role?: unknown };
  if (typeof auth.room !== "string" || typeof auth.id !== "string") {
    socket.disconnect(true);
    return;
  }
  const roomId = auth.room;
  const studentId = auth.id;
  const role = auth.role === "teacher" ? "teacher" : "student";
  const room = roomFor(roomId);
  void socket.join(roomId);
  socket.emit("session:snapshot", {
    seq: room.seq,
    state: { entries: Object.fromEntries(room.values) },
    you: { role, participantId: studentId },
    online: [],
  });

  socket.on("neuron:set", (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const bias = (payload as { bias?: unknown } | null)?.bias;
    if (role !== "student") return ack({ ok: false, error: { code: "FORBIDDEN", message: "students only" } });
    if (typeof bias !== "number" || !Number.isFinite(bias) || bias < -5 || bias > 5) {
      return ack({ ok: false, error: { code: "OUT_OF_RANGE", message: "bias must be in -5..5" } });
    }
    room.values.set(studentId, { weights: WEIGHTS, bias });
    room.moved.delete(studentId);
    room.moved.set(studentId, bias);
    ack({ ok: true, seq: room.seq });
  });
});

server.listen(PORT, HOST);

// Never outlive the benchmark that started us.
const parent = Number(process.env.BENCH_PARENT_PID ?? 0);
if (parent) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}

const stop = () => {
  for (const room of rooms.values()) clearInterval(room.timer);
  io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
