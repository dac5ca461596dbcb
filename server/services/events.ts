// The change feed (GET /api/events): every committed change, as the audit trail records it, streamed to each
// signed-in user as far as that user may see it. One poller per app instance (not per client) watches the store
// version (services/store-version.ts) and, when it moves (and every few seconds anyway, for accounts and rounds,
// which move no version), reads the new audit entries once and hands them to every open stream, each filtered for
// its user. Every instance polls the shared store, so a change made through another instance arrives too.
// The event id is the entry's audit sequence number: a client reconnecting with Last-Event-ID gets what it missed
// from the trail (filtered for its user as the live entries are), or a `reload` event when too much was missed. Each client's
// stream (what it is sent, and when) is in events-stream.ts; this file is the hub and its poller.
import type { Logger } from '../logger';
import type { PresenceList } from '../model/api-events';
import type { AuditPage, AuditQuery, GraphStore } from '../store/port';
import { Presence } from './presence';
import { Stream, type StreamRequest } from './events-stream';
import { SSE_LIMITS, type SseLimits } from './sse';
import { versionCheck } from './store-version';

export { changeFor, type StreamRequest } from './events-stream';
export type { ChangeEvent } from '../model/api-events';

export interface EventsOptions {
  /** How often the store version is checked (ms, default 200). */
  pollMs?: number;
  /** How often the audit trail is read even when the version did not move (accounts, rounds; ms, default 2000). */
  sweepMs?: number;
  /** Heartbeat comment and session check of each stream (ms, default 15 000). */
  heartbeatMs?: number;
  /** More missed entries than this: a `reload` event instead (default 1000). */
  maxMissed?: number;
  /** How long a missing sequence number below newer entries is waited for before it is given up (ms, default 5000). */
  gapWaitMs?: number;
  /** Reconnection delay told to clients (ms, default 2000). */
  retryMs?: number;
  /** How often presence is read while streams are open (ms, default 1000; presence.ts). */
  presenceMs?: number;
  /** How long a tab's presence lasts after it last said it is there (ms, default 25 000). */
  presenceTtlMs?: number;
  /** Bounds on a client that stops reading (default: 1 MB unsent, 10 s without drain). */
  limits?: Partial<SseLimits>;
  logger?: Logger;
}

const DEFAULTS = {
  pollMs: 200,
  sweepMs: 2000,
  heartbeatMs: 15_000,
  maxMissed: 1000,
  gapWaitMs: 5000,
  retryMs: 2000,
  presenceMs: 1000,
  presenceTtlMs: 25_000,
} as const;

type Settings = Required<Omit<EventsOptions, 'limits' | 'logger'>> & { limits: SseLimits };

/** The change feed of one app instance: its streams and the one poller behind them. */
export class EventsHub {
  private readonly settings: Settings;
  private readonly streams = new Set<Stream>();
  readonly logger: Logger;
  /** Who is looking at what (presence.ts); its list goes to every stream when it changes. */
  readonly presence: Presence;
  private pollTimer?: ReturnType<typeof setInterval>;
  private heartbeatTimer?: ReturnType<typeof setInterval>;
  private starting?: Promise<void>;
  private busy = false;
  /** Every entry up to `floor` has been handed out (or given up); `seen` holds those above it that have been. */
  private floor = 0;
  private readonly seen = new Set<number>();
  private gapSince?: number;
  private lastVersion = -1;
  private lastSweep = 0;
  private closing = false;

  constructor(
    private readonly store: GraphStore,
    options: EventsOptions = {},
  ) {
    const { limits, logger, ...rest } = options;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    this.settings = { ...DEFAULTS, ...defined, limits: { ...SSE_LIMITS, ...limits } };
    this.logger = logger ?? { info: () => {}, warn: () => {}, error: () => {} };
    this.presence = new Presence(store, this.settings, (list) => this.sendPresence(list), this.logger);
  }

  /** How many streams are open. */
  get size(): number {
    return this.streams.size;
  }

  /** The newest sequence number handed out. */
  newestSeq(): number {
    let max = this.floor;
    for (const s of this.seen) if (s > max) max = s;
    return max;
  }

  /** Opens a stream; `close` is for when the client goes away. */
  async open(req: StreamRequest): Promise<{ close(): void }> {
    await this.ensurePolling();
    const stream = new Stream(this, req, this.settings);
    this.streams.add(stream);
    const floor = this.floor;
    stream.start(floor).catch((err: unknown) => {
      this.logger.warn('change feed: reading the missed changes failed', { error: String(err) });
      stream.reload('the missed changes could not be read');
    });
    return {
      close: () => {
        stream.closedByClient();
        this.remove(stream);
      },
    };
  }

  /** Who is looking at what, as last read (sent to a stream when it opens). */
  presenceNow(): PresenceList | undefined {
    return this.presence.now;
  }

  private sendPresence(list: PresenceList): void {
    for (const s of [...this.streams]) s.presence(list);
  }

  /** The whole trail after a number (each stream filters it for its user: changeFor). */
  auditAfter(query: Pick<AuditQuery, 'after' | 'limit'>): Promise<AuditPage> {
    return this.store.auditPage(query);
  }

  remove(stream: Stream): void {
    stream.closed = true;
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stopPolling();
  }

  /** Ends every stream (shutdown). */
  close(): void {
    this.closing = true;
    for (const s of [...this.streams]) s.end();
    this.stopPolling();
  }

  private ensurePolling(): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the change feed is closing'));
    this.starting ??= (async () => {
      const [newest] = await this.store.audit({ limit: 1 });
      this.floor = newest?.seq ?? 0;
      this.seen.clear();
      this.gapSince = undefined;
      this.lastVersion = await versionCheck(this.store).read();
      this.lastSweep = performance.now();
      this.pollTimer = setInterval(() => void this.tick(), this.settings.pollMs);
      this.pollTimer.unref?.();
      this.heartbeatTimer = setInterval(() => {
        for (const s of this.streams) s.heartbeat();
      }, this.settings.heartbeatMs);
      this.heartbeatTimer.unref?.();
      this.presence.start();
    })();
    const starting = this.starting;
    starting.catch(() => {
      if (this.starting === starting) this.starting = undefined;
    });
    return starting;
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.pollTimer = undefined;
    this.heartbeatTimer = undefined;
    this.starting = undefined;
    this.presence.stop();
  }

  /** One poll: the version (cheap); the trail when it moved, a gap is open, or the sweep is due. */
  private async tick(): Promise<void> {
    if (this.busy || !this.pollTimer) return;
    this.busy = true;
    try {
      const version = await versionCheck(this.store).read();
      const now = performance.now();
      if (version === this.lastVersion && this.seen.size === 0 && now - this.lastSweep < this.settings.sweepMs) return;
      this.lastSweep = now;
      const { maxMissed } = this.settings;
      const entries = await this.store.audit({ after: this.floor, limit: maxMissed + this.seen.size + 1 });
      this.lastVersion = version;
      if (!this.pollTimer) return;
      const fresh = entries.filter((e) => !this.seen.has(e.seq)).sort((a, b) => a.seq - b.seq);
      if (fresh.length > maxMissed) {
        this.floor = Math.max(this.floor, entries[0]?.seq ?? 0, ...this.seen);
        this.seen.clear();
        for (const s of [...this.streams]) s.reload(`more than ${maxMissed} changes at once`);
        return;
      }
      for (const e of fresh) {
        this.seen.add(e.seq);
        for (const s of [...this.streams]) s.deliver(e);
      }
      this.advance(now);
    } catch (err) {
      this.logger.warn('change feed: polling the store failed', { error: String(err) });
    } finally {
      this.busy = false;
    }
  }

  /** Moves the floor over the entries handed out; a missing number is waited for (gapWaitMs), then given up. */
  private advance(now: number): void {
    for (;;) {
      if (this.seen.delete(this.floor + 1)) {
        this.floor += 1;
        this.gapSince = undefined;
        continue;
      }
      if (this.seen.size === 0) {
        this.gapSince = undefined;
        return;
      }
      this.gapSince ??= now;
      if (now - this.gapSince < this.settings.gapWaitMs) return;
      this.floor = Math.min(...this.seen) - 1;
      this.gapSince = undefined;
    }
  }
}
