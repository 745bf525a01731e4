import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  checkedDevicePath,
  deviceFileProblem,
  type PrinterAddressPolicy,
} from './printer-address-policy.js';
import type { PrinterTransport } from './transport.js';

export interface DeviceTransportOptions {
  /** A printer device such as `/dev/usb/lp0`. It must exist: a missing printer is a failure. */
  path: string;
  /** For open, write and close together. */
  timeoutMs: number;
  /** Checked again before every job: the path may come from a hand-edited config file. */
  policy: PrinterAddressPolicy;
}

/*
 * Write-only append, without O_CREAT: a typo or an unplugged printer must fail, not create a
 * regular file that "prints" forever. O_NONBLOCK: a blocking write to a stuck printer would hold
 * one of libuv's four threads until it returns, starving the journal's fsyncs; non-blocking
 * writes answer EAGAIN at once and are retried here until the deadline.
 */
const FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK;
const RETRY_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A printer that is a file: a Linux USB printer device (`usblp`) or a parallel port. */
export class DeviceTransport implements PrinterTransport {
  readonly kind = 'device' as const;

  constructor(private readonly options: DeviceTransportOptions) {}

  async send(job: Uint8Array): Promise<void> {
    const { path, timeoutMs } = this.options;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${path}: the job was not taken in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const work = this.write(job, performance.now() + timeoutMs);
    // If the time limit wins, the write still settles (and closes its file) later: keep it quiet.
    work.catch(() => undefined);
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async write(job: Uint8Array, deadline: number): Promise<void> {
    const { path, policy } = this.options;
    // The path, where it leads, and what is there: only then a byte is written.
    const checked = await checkedDevicePath(policy, path);
    if ('refused' in checked) throw new Error(`refused: ${checked.refused}`);
    const handle = await open(checked.real, FLAGS);
    try {
      // What was opened, not what the path named a moment before.
      const problem = deviceFileProblem(policy, path, await handle.stat());
      if (problem) throw new Error(`refused: ${problem}`);
      let offset = 0;
      while (offset < job.length) {
        if (performance.now() > deadline)
          throw new Error(`${path}: the printer stopped taking data`);
        try {
          const { bytesWritten } = await handle.write(job, offset, job.length - offset);
          offset += bytesWritten;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN')
            throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
          await sleep(RETRY_MS);
        }
      }
    } finally {
      await handle.close();
    }
  }
}
