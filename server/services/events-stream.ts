// One client's stream of the change feed (events.ts): what its user may see of each audit entry (changeFor), the
// missed entries replayed on reconnection (Last-Event-ID) or a `reload`, heartbeats and session checks. The hub in
// events.ts polls the store once for all streams and hands each new entry to every stream.
import type { Logger } from '../logger';
import type { AuditEntry } from '../model';
import type { ChangeEvent, PresenceList } from '../model/api-events';
import type { SessionUser } from '../model/roles';
import { isPersonalFlow, seesPersonalData } from '../auth/personal-data';
import { isCountryScoped } from '../auth/scope';
import type { AuditPage, AuditQuery } from '../store/port';
import { presenceFor } from './presence';
import { SseWriter, type SseLimits, type SseSink } from './sse';

/** What a stream needs from its request. */
export interface StreamRequest {
  user: SessionUser;
  sink: SseSink;
  /** Last-Event-ID (header or query), as sent. */
  lastEventId?: string | undefined;
  /** The session's user as it is now (`fresh`: from the store, not a cache); undefined once it has ended. */
  checkSession(fresh: boolean): Promise<SessionUser | undefined>;
}

function sidesOf(entry: AuditEntry): { before: unknown; after: unknown } {
  return { before: entry.before, after: entry.after };
}

function personal(item: unknown): boolean {
  return item !== null && typeof item === 'object' && isPersonalFlow(item);
}

/**
 * The change as `user` may see it, or undefined. Everyone reads the whole region's map, so every change of the map
 * reaches every role, an NCP's too (it reads other countries' maps; it may change only its own); changes to accounts
 * reach administrators only. What the role may not read is left out: for a viewer, flows carrying personal data
 * (personal-data.ts: a flow that becomes personal data is gone for it, a delete; one that stops being personal data
 * appears, a create); for an NCP, who changed an item outside its countries (the audit API keeps other countries'
 * trails from it: `actor` is null).
 */
export function changeFor(entry: AuditEntry, user: SessionUser): ChangeEvent | undefined {
  if (entry.kind === 'account' && user.role !== 'admin') return undefined;
  let action = entry.action;
  if (entry.kind === 'flow' && !seesPersonalData(user)) {
    const { before, after } = sidesOf(entry);
    const seenBefore = before !== null && before !== undefined && !personal(before);
    const seenAfter = after !== null && after !== undefined && !personal(after);
    if (!seenBefore && !seenAfter) return undefined;
    if (seenBefore && !seenAfter) action = 'delete';
    else if (!seenBefore && seenAfter) action = 'create';
  }
  return {
    seq: entry.seq,
    kind: entry.kind,
    key: entry.key,
    action,
    countries: entry.countries,
    storeVersion: entry.storeVersion ?? null,
    actor: isCountryScoped(user) && !entry.countries.some((c) => user.countries.includes(c)) ? null : entry.actor,
    at: entry.at,
  };
}

function sameUser(a: SessionUser, b: SessionUser): boolean {
  return a.username === b.username && a.role === b.role && a.countries.join(',') === b.countries.join(',');
}

/** What a stream needs of its hub's settings. */
export interface StreamSettings {
  maxMissed: number;
  retryMs: number;
  limits: SseLimits;
}

/**
 * What a stream needs of its hub (EventsHub): its logger, the newest sequence number handed out, the whole trail's
 * entries after a number (newest first, as the store pages them; each stream filters them with changeFor), and removal.
 */
export interface StreamHub {
  readonly logger: Logger;
  newestSeq(): number;
  auditAfter(query: Pick<AuditQuery, 'after' | 'limit'>): Promise<AuditPage>;
  /** Who is looking at what, as last read (undefined before the first read). */
  presenceNow(): PresenceList | undefined;
  remove(stream: Stream): void;
}

/** One client's stream: the missed entries first, then each new entry as its user may see it. */
export class Stream {
  readonly writer: SseWriter;
  /** Entries that arrived while the missed ones were being read. */
  private buffer: AuditEntry[] | undefined = [];
  private overflow = false;
  private replayed = new Set<number>();
  closed = false;

  constructor(
    private readonly hub: StreamHub,
    readonly req: StreamRequest,
    private readonly settings: StreamSettings,
  ) {
    this.writer = new SseWriter(req.sink, settings.limits, (why) => {
      hub.logger.warn('change feed: a client that stopped reading was dropped', { user: req.user.username, why });
      this.hub.remove(this);
    });
  }

  get user(): SessionUser {
    return this.req.user;
  }

  /** Sends the missed entries (or a reload), then whatever arrived meanwhile. */
  async start(floor: number): Promise<void> {
    const { lastEventId } = this.req;
    let lastId = floor;
    if (lastEventId !== undefined && lastEventId !== '') {
      const from = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : NaN;
      if (!Number.isSafeInteger(from) || from > this.hub.newestSeq()) {
        this.reload(`Last-Event-ID ${JSON.stringify(lastEventId)} is not one of this store's audit entries`);
        return;
      }
      const page = await this.hub.auditAfter({ after: from, limit: this.settings.maxMissed });
      if (this.closed) return;
      if (page.nextBefore !== undefined) {
        this.reload(`more than ${this.settings.maxMissed} changes were missed`);
        return;
      }
      const missed = [...page.entries].reverse();
      for (const e of missed) {
        this.replayed.add(e.seq);
        this.send(e);
        lastId = Math.max(lastId, e.seq);
      }
      lastId = Math.max(lastId, from);
    }
    this.writer.event({ id: lastId, event: 'ready', data: { lastEventId: lastId }, retry: this.settings.retryMs });
    const buffered = this.buffer ?? [];
    this.buffer = undefined;
    if (this.overflow) {
      this.reload(`more than ${this.settings.maxMissed} changes arrived while the missed ones were read`);
      return;
    }
    for (const e of buffered) if (!this.replayed.has(e.seq)) this.send(e);
    this.replayed.clear();
    const present = this.hub.presenceNow();
    if (present) this.presence(present);
  }

  /** Who is looking at what (no id: it is not part of the trail that Last-Event-ID resumes). */
  presence(list: PresenceList): void {
    if (this.closed || this.buffer) return;
    this.writer.event({ event: 'presence', data: presenceFor(list, this.user) });
  }

  /** A new entry of the trail. */
  deliver(entry: AuditEntry): void {
    if (this.closed) return;
    if (entry.kind === 'account' && entry.key === this.user.username) void this.checkSession(true);
    if (this.buffer) {
      if (this.buffer.length >= this.settings.maxMissed) this.overflow = true;
      else this.buffer.push(entry);
      return;
    }
    this.send(entry);
  }

  private send(entry: AuditEntry): void {
    const change = changeFor(entry, this.user);
    if (change) this.writer.event({ id: entry.seq, event: 'change', data: change });
  }

  /** Tells the client to read everything again and ends the stream (the client reconnects from `id`). */
  reload(reason: string): void {
    if (this.closed) return;
    this.writer.event({ id: this.hub.newestSeq(), event: 'reload', data: { reason } });
    this.end();
  }

  heartbeat(): void {
    if (this.closed) return;
    this.writer.comment('ping');
    void this.checkSession(false);
  }

  /** Ends the stream when its session has ended or its user's role or countries changed. */
  async checkSession(fresh: boolean): Promise<void> {
    let now: SessionUser | undefined;
    try {
      now = await this.req.checkSession(fresh);
    } catch {
      return; // store unreachable: the next check decides
    }
    if (this.closed) return;
    if (!now) this.finish('signed-out', 'the session has ended');
    else if (!sameUser(now, this.user))
      this.finish('signed-out', "the account's role or countries changed: connect again");
  }

  private finish(event: string, reason: string): void {
    this.writer.event({ event, data: { reason } });
    this.end();
  }

  end(): void {
    if (this.closed) return;
    this.writer.close(true);
    this.hub.remove(this);
  }

  /** The client went away (or was dropped). */
  closedByClient(): void {
    this.closed = true;
    this.writer.close();
  }
}
