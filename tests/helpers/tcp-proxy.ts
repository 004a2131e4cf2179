/**
 * A TCP proxy a test puts between the server under test and PostgreSQL (or Redis), to
 * break the connection for real: `cut()` resets every connection and refuses new ones, `stall()`
 * keeps connections open but forwards nothing (a network that went quiet), `restore()`
 * brings both back, and `dropReplyAfter(pattern)` lets the next client message matching
 * `pattern` (say a COMMIT) through to the database, then destroys that connection before
 * the database's reply reaches the client: the commit lands, its acknowledgement is lost.
 *
 * Cutting and stalling work for any TCP service. To see which statement a message runs
 * (dropReplyAfter, PostgreSQL only), the proxy reads just enough of PostgreSQL's wire
 * protocol: postgres.js prepares each statement once per connection (Parse names it) and
 * later only binds it by name, so the proxy remembers each connection's names.
 */
import net from "node:net";

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  readonly port: number;
  /** The upstream URL with its host and port replaced by the proxy's. */
  url(upstreamUrl: string): string;
  cut(): void;
  stall(): void;
  restore(): void;
  /** The next statement matching `pattern` is forwarded and the reply never delivered; resolves once it was. */
  dropReplyAfter(pattern: RegExp): Promise<void>;
  /** How many client connections the proxy accepted. */
  readonly accepted: number;
  close(): Promise<void>;
}

type Mode = "open" | "cut" | "stalled";

const cstring = (buf: Buffer, at: number): [string, number] => {
  const end = buf.indexOf(0, at);
  return end < 0 ? ["", buf.length] : [buf.toString("utf8", at, end), end + 1];
};

/**
 * The statements a client chunk executes (simple queries, and binds of prepared ones),
 * learning prepared statements' names on the way. Assumes whole messages per chunk, which
 * postgres.js writes; the startup message (no type byte) reads as nothing.
 */
function executedStatements(chunk: Buffer, prepared: Map<string, string>): string[] {
  const run: string[] = [];
  for (let at = 0; at + 5 <= chunk.length; ) {
    const type = String.fromCharCode(chunk[at]!);
    const length = chunk.readInt32BE(at + 1);
    if (length < 4 || at + 1 + length > chunk.length) break;
    const body = at + 5;
    if (type === "P") {
      const [name, next] = cstring(chunk, body);
      prepared.set(name, cstring(chunk, next)[0]);
    } else if (type === "B") {
      const [, next] = cstring(chunk, body);
      run.push(prepared.get(cstring(chunk, next)[0]) ?? "");
    } else if (type === "Q") {
      run.push(cstring(chunk, body)[0]);
    }
    at += 1 + length;
  }
  return run;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
}

/**
 * @example
 * const proxy = await startTcpProxy(5432);
 * const server = await startServer({ DATABASE_URL: proxy.url(databaseUrl) });
 * proxy.cut(); proxy.restore();
 */
export async function startTcpProxy(upstreamPort: number, upstreamHost = "127.0.0.1"): Promise<TcpProxy> {
  let mode: Mode = "open";
  let accepted = 0;
  const pairs = new Set<Pair>();
  let dropping: { pattern: RegExp; done: () => void } | null = null;

  const destroy = (pair: Pair) => {
    pair.client.destroy();
    pair.upstream.destroy();
    pairs.delete(pair);
  };

  // A stalled pair stops reading both ways; the kernel buffers fill and nothing moves.
  const applyMode = (pair: Pair) => {
    if (mode === "stalled") {
      pair.client.pause();
      pair.upstream.pause();
    } else {
      pair.client.resume();
      pair.upstream.resume();
    }
  };

  const server = net.createServer((client) => {
    if (mode === "cut") {
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = net.connect(upstreamPort, upstreamHost);
    const pair: Pair = { client, upstream };
    pairs.add(pair);
    let replyDropped = false;
    const prepared = new Map<string, string>();
    client.on("data", (chunk: Buffer) => {
      const statements = executedStatements(chunk, prepared);
      if (dropping && statements.some((q) => dropping!.pattern.test(q))) {
        // Forward the message, then cut this connection as soon as the reply starts.
        const { done } = dropping;
        dropping = null;
        replyDropped = true;
        upstream.once("data", () => {
          destroy(pair);
          done();
        });
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!replyDropped) client.write(chunk);
    });
    const end = () => destroy(pair);
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    applyMode(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the proxy has no port");

  return {
    port: address.port,
    url(upstreamUrl) {
      const u = new URL(upstreamUrl);
      u.hostname = "127.0.0.1";
      u.port = String(address.port);
      return u.toString();
    },
    cut() {
      mode = "cut";
      for (const pair of [...pairs]) {
        pair.client.resetAndDestroy();
        destroy(pair);
      }
    },
    stall() {
      mode = "stalled";
      for (const pair of pairs) applyMode(pair);
    },
    restore() {
      mode = "open";
      for (const pair of pairs) applyMode(pair);
    },
    dropReplyAfter(pattern) {
      return new Promise((resolve) => (dropping = { pattern, done: resolve }));
    },
    get accepted() {
      return accepted;
    },
    close() {
      for (const pair of [...pairs]) destroy(pair);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
