import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Reads something again every `everyMs` while its element is on the page: starts when the
 * element is connected (reading at once too when `readAtOnce`), stops when it is removed.
 */
export class PollController implements ReactiveController {
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly everyMs: number,
    private readonly read: () => Promise<unknown>,
    private readonly readAtOnce = true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.readAtOnce) void this.read();
    this._timer = setInterval(() => void this.read(), this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this._timer);
    this._timer = undefined;
  }
}
