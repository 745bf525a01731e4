import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * `normal`: sends a status, reads each connection to its end, records the bytes as one job, then
 * closes (as a raw port-9100 printer does). `stall`: accepts connections but never reads and never closes.
 */
export type FakePrinterMode = 'normal' | 'stall';

export interface FakePrinter {
  port: number;
  /** The address as a printer record holds it. */
  address: string;
  /** Every finished job's bytes, in order. */
  jobs: Uint8Array[];
  /** Connections accepted, in any mode. */
  readonly connections: number;
  mode: FakePrinterMode;
  /** Resolves with the next job recorded (or one already waiting). */
  nextJob(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A fake TCP receipt printer on 127.0.0.1, port 0. */
export async function startFakePrinter(mode: FakePrinterMode = 'normal'): Promise<FakePrinter> {
  const sockets = new Set<Socket>();
  const waiting: Array<(job: Uint8Array) => void> = [];
  let taken = 0;
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (printer.mode === 'stall') {
      socket.pause();
      return;
    }
    // Like an Epson with Automatic Status Back on: a 4-byte status first, which clients must drain.
    socket.write(Uint8Array.from([0x14, 0x00, 0x00, 0x0f]));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      printer.jobs.push(new Uint8Array(Buffer.concat(chunks)));
      socket.end();
      const resolve = waiting.shift();
      if (resolve) resolve(printer.jobs[taken++]!);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const printer: FakePrinter = {
    port,
    address: `127.0.0.1:${port}`,
    jobs: [],
    get connections() {
      return connections;
    },
    mode,
    nextJob: () =>
      taken < printer.jobs.length
        ? Promise.resolve(printer.jobs[taken++]!)
        : new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
