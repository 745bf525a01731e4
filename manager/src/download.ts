import { replyFailure } from '../../contract/client.js';
import {
  downloadProgress,
  fileNameFromDisposition,
  type DownloadProgress,
} from './state/export-file.js';

export type DownloadResult =
  | { ok: true; fileName: string; bytes: number }
  | { ok: false; status: number; code: string; message: string };

/**
 * Downloads a file with `fetch` (the session cookie goes along), reading the body as it streams
 * so the page can show progress, then hands it to the browser's own download through an
 * object URL and an `<a download>`. A server error before the first byte comes back as its
 * JSON error (read as contract/client.ts reads one); a body cut short (the server aborts a failed export) rejects as `network`.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  onProgress: (p: DownloadProgress) => void,
  signal: AbortSignal,
): Promise<DownloadResult> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal });
  } catch (err) {
    return failure(err);
  }
  if (!res.ok) {
    // The same reading of an error reply as every other call (contract/client.ts): its JSON
    // error, or what its status says when a proxy answered.
    const { status, code, message } = replyFailure(res.status, await res.json().catch(() => null));
    return { ok: false, status, code, message };
  }
  const length = res.headers.get('Content-Length');
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(downloadProgress(0, length));
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(downloadProgress(received, length));
    }
  } catch (err) {
    return failure(err);
  }
  const fileName = fileNameFromDisposition(res.headers.get('Content-Disposition')) ?? fallbackName;
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  saveBlob(new Blob(chunks as BlobPart[], { type }), fileName);
  return { ok: true, fileName, bytes: received };
}

function failure(err: unknown): DownloadResult {
  const aborted = err instanceof DOMException && err.name === 'AbortError';
  return { ok: false, status: 0, code: aborted ? 'aborted' : 'network', message: '' };
}

/** Hands a blob to the browser's download (a click on a temporary `<a download>`). */
function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled; free the memory soon after.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
