import type { ConfigData } from '../../config/config-data.js';
import type { ConfigStore } from '../store.js';
import type { DurableFileSystem } from './durable-fs.js';
import { JsonDocument } from './json-document.js';

export interface ConfigFileOptions {
  log: (msg: string) => void;
  /** File operations of the writes; tests inject failures here. */
  fs?: DurableFileSystem;
}

const LISTS = ['halls', 'services', 'counters', 'users', 'devices', 'printers', 'audit'] as const;

/** Why `value` cannot be a `config.json`, or undefined: the shape, not every field. */
export function checkConfigShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const data = value as Record<string, unknown>;
  if (data.version !== 1) return `version ${JSON.stringify(data.version)}, expected 1`;
  const missing = LISTS.filter((key) => !Array.isArray(data[key]));
  return missing.length ? `no list of ${missing.join(', ')}` : undefined;
}

/** `data/config.json`: halls, services, counters, users, devices, printers, audit. */
export class ConfigFile implements ConfigStore {
  private constructor(private readonly doc: JsonDocument<ConfigData>) {}

  /**
   * Opens `file`, writing `initialConfig()` when neither it nor its backup exists (the first
   * start). A damaged file falls back to `config.json.bak`; with neither usable it refuses:
   * a fresh configuration would silently drop every user and device.
   */
  static async open(
    file: string,
    initialConfig: () => ConfigData,
    opts: ConfigFileOptions,
  ): Promise<ConfigFile> {
    const doc = await JsonDocument.open(file, initialConfig, {
      check: checkConfigShape,
      whenUnreadable: 'refuse',
      log: opts.log,
      fs: opts.fs,
    });
    return new ConfigFile(doc);
  }

  read(): ConfigData {
    return this.doc.current;
  }

  update(mutate: (draft: ConfigData) => void): Promise<ConfigData> {
    return this.doc.update(mutate);
  }

  close(): Promise<void> {
    return this.doc.close();
  }
}
