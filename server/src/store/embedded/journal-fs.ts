import { open } from 'node:fs/promises';
import { errorCode, OWNER_ONLY_FILE } from './durable-fs.js';

/** The file operations the journal writer needs; tests pass one that fails on purpose. */
export interface JournalHandle {
  write(data: Uint8Array): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface JournalFileSystem {
  /** Opens `file` for appending (`'a'`), creating it when missing. */
  open(file: string, flags: 'a'): Promise<JournalHandle>;
}

export const nodeJournalFileSystem: JournalFileSystem = {
  open: (file, flags) => open(file, flags, OWNER_ONLY_FILE),
};

/** Writes all of `bytes`, continuing after short writes. */
export async function writeFully(handle: JournalHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes.subarray(written));
    if (bytesWritten <= 0) throw new Error('The journal write made no progress.');
    written += bytesWritten;
  }
}

/** The bytes of a journal file, or null when it does not exist. */
export async function readJournalBytes(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    // A symlink to a device such as /dev/zero would never end.
    if (!(await handle.stat()).isFile()) throw new Error(`${file} is not a regular file.`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
