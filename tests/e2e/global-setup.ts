import { build } from 'vite';

/** The e2e suite tests the built pages, exactly as `npm start` serves them. */
export default async function setup(): Promise<void> {
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
