import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface ChildOptions {
  /** Shown in errors. */
  label: string;
  /** JSON-encoded into argv[2] for the child. */
  options?: unknown;
  /** Folder for `--cpu-prof` profiles of this child, if profiling. */
  cpuProfDir?: string;
}

const READY_TIMEOUT_MS = 120_000;

/**
 * A bench process (a server under test, or a crowd of clients) forked with tsx and driven over
 * IPC: it sends `{ type: 'ready', info }` once, then answers `{ id, type, payload }` requests.
 * Load runs in another process than the server, so they never share an event loop.
 */
export class BenchChild<Ready> {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly label: string,
    readonly ready: Ready,
  ) {
    proc.on('message', (m: Reply) => this.waiting.get(m.id)?.(m));
    this.exited = new Promise((resolve) => {
      if (proc.exitCode !== null) resolve(proc.exitCode);
      else proc.once('exit', (code) => resolve(code));
    });
    void this.exited.then((code) => {
      for (const settle of this.waiting.values())
        settle({ id: 0, ok: false, error: `${label} exited (${code})` });
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  static async start<Ready>(script: string, opts: ChildOptions): Promise<BenchChild<Ready>> {
    const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
    const proc = fork(script, [JSON.stringify(opts.options ?? {})], {
      execArgv: ['--import', 'tsx', ...prof],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`${opts.label} was not ready within ${READY_TIMEOUT_MS / 1000} s`));
      }, READY_TIMEOUT_MS);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${opts.label} exited (${code}) before it was ready`));
      };
      proc.once('exit', onExit);
      proc.once('message', (m: { type?: string; info?: Ready }) => {
        clearTimeout(timer);
        proc.off('exit', onExit);
        if (m.type === 'ready') resolve(m.info as Ready);
        else reject(new Error(`${opts.label} sent ${JSON.stringify(m)} before ready`));
      });
    });
    return new BenchChild(proc, opts.label, ready);
  }

  request<T>(type: string, payload?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, (reply) => {
        this.waiting.delete(id);
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(`${this.label} ${type}: ${reply.error}`));
      });
      this.proc.send({ id, type, payload });
    });
  }

  /** Asks the child to clean up and exit; kills it if it does not within 15 s. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await this.request('stop').catch(() => undefined);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
