/**
 * A round-robin TCP balancer in front of several server processes, as a reverse proxy with
 * no sticky sessions would be (docs/scaling.md): each new connection goes to the next
 * upstream, and to the one after it when that one refuses (a process that died).
 */
import net from "node:net";

export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/**
 * @example
 * const balancer = await startBalancer([a.port, b.port]);
 * connect(balancer.url, auth); // the first connection goes to a, the second to b, ...
 */
export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  const open = new Set<net.Socket>();
  const forward = (client: net.Socket, tries: number) => {
    const port = ports[next++ % ports.length]!;
    const upstream = net.connect(port, "127.0.0.1");
    let connected = false;
    open.add(upstream);
    upstream.once("close", () => open.delete(upstream));
    upstream.once("connect", () => {
      connected = true;
      upstream.on("close", () => client.destroy());
      client.on("close", () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on("error", () => {
      if (!connected && tries + 1 < ports.length) forward(client, tries + 1);
      else client.destroy();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on("error", () => client.destroy());
    open.add(client);
    client.once("close", () => open.delete(client));
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
