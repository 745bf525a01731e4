import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

/**
 * The e2e suite tests the built pages, exactly as `npm start` serves them. Each run builds
 * into its own folder, so parallel runs never read a half-written build.
 */
export default async function setup(project: TestProject): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'siramatik-dist-'));
  await build({
    configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('distDir', outDir);
}
