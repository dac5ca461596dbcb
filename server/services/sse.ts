// Server-Sent Events framing and one stream's writing with a bound: what text/event-stream puts on the wire
// (`id:`, `event:`, `data:` lines, `: comment` heartbeats), and a writer that drops a client that stops reading
// (its unsent bytes above a bound, or no 'drain' within a time) instead of buffering without end.

/** One event as the wire carries it. */
export interface SseEvent {
  id?: string | number;
  event?: string;
  /** Sent as JSON on one `data:` line. */
  data: unknown;
  /** Reconnection delay the client should use (ms). */
  retry?: number;
}

/** The bytes of one event (a JSON value has no raw newline, so it fits one `data:` line). */
export function formatEvent(e: SseEvent): string {
  let out = '';
  if (e.retry !== undefined) out += `retry: ${Math.max(0, Math.floor(e.retry))}\n`;
  if (e.id !== undefined) out += `id: ${String(e.id).replace(/[\r\n]/g, '')}\n`;
  if (e.event !== undefined) out += `event: ${e.event.replace(/[\r\n]/g, '')}\n`;
  out += `data: ${JSON.stringify(e.data)}\n\n`;
  return out;
}

/** A comment line (heartbeat): ignored by EventSource, keeps proxies from closing an idle connection. */
export function formatComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
}

/** What a stream writes to: an HTTP response (or a stand-in in tests). */
export interface SseSink {
  write(chunk: string): boolean;
  readonly writableLength: number;
  end(): void;
  destroy(): void;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

export interface SseLimits {
  /** Unsent bytes above which the client is dropped (default 1 MB). */
  maxBufferedBytes: number;
  /** How long a full buffer may wait for 'drain' before the client is dropped (ms, default 10 s). */
  drainTimeoutMs: number;
}

export const SSE_LIMITS: SseLimits = { maxBufferedBytes: 1024 * 1024, drainTimeoutMs: 10_000 };

/** Writes events to one sink; `onDrop` is called once when the client is dropped for not reading. */
export class SseWriter {
  private waiting?: { timer: ReturnType<typeof setTimeout>; drained: () => void };
  closed = false;

  constructor(
    private readonly sink: SseSink,
    private readonly limits: SseLimits,
    private readonly onDrop: (why: string) => void,
  ) {}

  event(e: SseEvent): void {
    this.write(formatEvent(e));
  }

  comment(text: string): void {
    this.write(formatComment(text));
  }

  private write(chunk: string): void {
    if (this.closed) return;
    const ok = this.sink.write(chunk);
    if (this.sink.writableLength > this.limits.maxBufferedBytes) {
      this.drop(`${this.sink.writableLength} bytes unsent, more than ${this.limits.maxBufferedBytes}`);
      return;
    }
    if (ok || this.waiting) return;
    const drained = () => {
      if (!this.waiting) return;
      clearTimeout(this.waiting.timer);
      this.waiting = undefined;
    };
    const timer = setTimeout(
      () => this.drop(`no drain within ${this.limits.drainTimeoutMs} ms, ${this.sink.writableLength} bytes unsent`),
      this.limits.drainTimeoutMs,
    );
    timer.unref?.();
    this.waiting = { timer, drained };
    this.sink.once('drain', drained);
  }

  private drop(why: string): void {
    if (this.closed) return;
    this.close();
    this.sink.destroy();
    this.onDrop(why);
  }

  /** Stops writing (the stream ended); `end` also ends the response politely. */
  close(end = false): void {
    if (this.closed) return;
    this.closed = true;
    if (this.waiting) {
      clearTimeout(this.waiting.timer);
      this.sink.removeListener('drain', this.waiting.drained);
      this.waiting = undefined;
    }
    if (end) this.sink.end();
  }
}
