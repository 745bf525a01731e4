import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** One server process of the cluster: the product's own `main.ts`, as deployed. */
export interface ClusterNode {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it logged. */
  output: () => string;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
}

/** Starts `server/src/main.ts` with `env` on a free port; resolves once it listens. */
export function startNode(name: string, env: Record<string, string>): Promise<ClusterNode> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'server/src/main.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node ${name} did not start:\n${output}`)),
      30_000,
    );
    const onData = () => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const port = Number(m[1]);
      resolve({ name, child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    void exited.then(() => reject(new Error(`node ${name} exited:\n${output}`)));
  });
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  cookie: string | null;
}

/** One JSON request; the session cookie of a `Set-Cookie`, if any. */
export async function request<T = Record<string, unknown>>(
  base: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply<T>> {
  const res = await fetch(base + url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie');
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as T,
    cookie: setCookie ? setCookie.split(';')[0]! : null,
  };
}

/** The n-th percentile of `values` (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
