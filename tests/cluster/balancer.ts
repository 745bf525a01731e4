import net from 'node:net';

/**
 * A TCP load balancer for the test, as in front of a real cluster: each new connection goes to
 * the first backend (in order of preference) that accepts it, so when a node dies its clients'
 * reconnects land on a live one. `dropAll` cuts every open connection (a network blip).
 */
export class Balancer {
  private readonly server = net.createServer((client) => this.route(client));
  private readonly open = new Set<net.Socket>();
  /** Backend ports, most preferred first. */
  preference: number[] = [];
  port = 0;

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  dropAll(): void {
    for (const socket of this.open) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(client: net.Socket, tried = 0): void {
    const port = this.preference[tried];
    if (port === undefined) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.open.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => {
      if (!connected) this.route(client, tried + 1);
      else client.destroy();
    });
    client.on('error', () => upstream.destroy());
    const forget = () => {
      this.open.delete(client);
      this.open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    upstream.on('close', () => connected && forget());
    client.on('close', forget);
  }
}
