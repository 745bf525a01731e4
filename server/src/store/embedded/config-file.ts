import type { ConfigData } from '../../config/config-data.js';
import type { ConfigStore } from '../store.js';
import { JsonDocument } from './json-document.js';

/** `data/config.json`: halls, services, counters, users, devices, printers, audit. */
export class ConfigFile implements ConfigStore {
  private constructor(private readonly doc: JsonDocument<ConfigData>) {}

  /** Opens `file`, writing `initialConfig()` when there is none yet (the first start). */
  static async open(file: string, initialConfig: () => ConfigData): Promise<ConfigFile> {
    return new ConfigFile(await JsonDocument.open(file, initialConfig));
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
