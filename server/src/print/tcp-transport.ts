import { Socket } from 'node:net';
import {
  checkedTcpTarget,
  type HostLookup,
  type PrinterAddressPolicy,
} from './printer-address-policy.js';
import type { PrinterTransport } from './transport.js';

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectMs: number;
  /** From connected until the printer has read the whole job and closed the connection. */
  writeMs: number;
  /** Checked again before every job: the address may come from a hand-edited config file. */
  policy: PrinterAddressPolicy;
  lookup: HostLookup;
}

/**
 * Raw printing on TCP port 9100. The job is written and our side closed; the job counts as
 * taken only when the printer, having read up to that end, closes its side too. A printer that
 * stalls (accepts but never reads) therefore fails on the time limit instead of looking printed,
 * since a short job fits in the kernel buffers and its write alone always "succeeds".
 */
export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp' as const;

  constructor(private readonly options: TcpTransportOptions) {}

  async send(job: Uint8Array): Promise<void> {
    const { host, port, policy, lookup, connectMs } = this.options;
    // A name is resolved within the connect time limit: a slow resolver must not hold a kiosk.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no address in ${connectMs} ms`)), connectMs);
    });
    slow.catch(() => undefined);
    const within: HostLookup = (name) => Promise.race([lookup(name), slow]);
    let ip: string;
    try {
      ip = await checkedTcpTarget(policy, host, port, within);
    } catch (e) {
      throw new Error(`${host}:${port}: refused: ${(e as Error).message}`, { cause: e });
    } finally {
      clearTimeout(timer);
    }
    return this.sendTo(ip, job);
  }

  private sendTo(ip: string, job: Uint8Array): Promise<void> {
    const { host, port, connectMs, writeMs } = this.options;
    const where = `${host}:${port}`;
    return new Promise<void>((resolve, reject) => {
      const socket = new Socket();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      let sent = false;
      let closedByPrinter = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      const limit = (ms: number, what: string): void => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(new Error(`${what} ${where}: no answer in ${ms} ms`)), ms);
      };

      // Printers may talk back (Automatic Status Back): unread bytes would hold back 'end'.
      socket.resume();
      socket.on('error', (e: Error) => finish(new Error(`${where}: ${e.message}`)));
      socket.on('end', () => (closedByPrinter = true));
      socket.on('finish', () => (sent = true));
      socket.on('close', () =>
        finish(
          sent && closedByPrinter
            ? undefined
            : new Error(`${where}: connection closed before the job was taken`),
        ),
      );
      limit(connectMs, 'connecting to');
      socket.connect({ host: ip, port }, () => {
        limit(writeMs, 'sending the job to');
        socket.end(job);
      });
    });
  }
}
