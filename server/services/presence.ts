// Presence (issue 15 point 3): who is looking at which country and view, and editing which item. Each browser tab
// says so (POST /api/presence) when it changes and every few seconds; the store keeps one entry per tab of a
// session (shared by every app instance on it) until it expires, `ttlMs` after the tab last said it, or the tab
// leaves (DELETE, sent as the tab closes). While change-feed streams are open, the hub (events.ts) reads the list
// every `pollMs` and sends it to every stream as a `presence` event when it changed. Everyone signed in sees the
// list, with no more than each person's username and role; a viewer's copy does not say that someone is editing a
// flow carrying personal data (presenceFor: the flow's id would tell it of the flow).
import { isPersonalFlow, seesPersonalData } from '../auth/personal-data';
import type { Logger } from '../logger';
import type { PresenceEntry, PresenceInput, PresenceList } from '../model/api-events';
import type { SessionUser } from '../model/roles';
import type { GraphStore, StoredPresence } from '../store/port';

export interface PresenceSettings {
  /** How often the list is read while streams are open (ms, default 1000). */
  presenceMs: number;
  /** How long a tab's entry lasts after it last said it is there (ms, default 25 000: a closed tab is gone in 30 s). */
  presenceTtlMs: number;
}

function entryOf(p: StoredPresence): PresenceEntry {
  return {
    tab: p.tab,
    username: p.username,
    role: p.role,
    country: p.country,
    view: p.view,
    editing: p.editingKind !== null && p.editingKey !== null ? { kind: p.editingKind, key: p.editingKey } : null,
  };
}

/** Of each list read, the keys of the flows its entries edit that carry personal data. */
const personalEdited = new WeakMap<PresenceList, ReadonlySet<string>>();

/**
 * The list as `user` may see it: for a role that may not see personal data, an entry editing a flow that carries it
 * says it edits nothing (the tab, the person, the country and the view stay).
 */
export function presenceFor(list: PresenceList, user: SessionUser): PresenceList {
  const personal = personalEdited.get(list);
  if (seesPersonalData(user) || !personal?.size) return list;
  return {
    present: list.present.map((p) =>
      p.editing?.kind === 'flow' && personal.has(p.editing.key) ? { ...p, editing: null } : p,
    ),
  };
}

export class Presence {
  private timer?: ReturnType<typeof setInterval>;
  private busy = false;
  private signature = '';
  private current: PresenceList | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly settings: PresenceSettings,
    private readonly broadcast: (list: PresenceList) => void,
    private readonly logger: Logger,
  ) {}

  /** The list as last read while streams were open (undefined before the first read). */
  get now(): PresenceList | undefined {
    return this.current;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.settings.presenceMs);
    this.timer.unref?.();
    void this.poll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.signature = '';
    this.current = undefined;
  }

  /** A tab of the session `idHash` says what it shows. */
  async here(user: SessionUser, idHash: string, input: PresenceInput): Promise<void> {
    const now = Date.now();
    await this.store.accounts.putPresence(
      {
        idHash,
        tab: input.tab,
        username: user.username,
        role: user.role,
        country: input.country,
        view: input.view,
        editingKind: input.editing?.kind ?? null,
        editingKey: input.editing?.key ?? null,
        expiresAt: new Date(now + this.settings.presenceTtlMs).toISOString(),
      },
      new Date(now).toISOString(),
    );
    if (this.timer) void this.poll();
  }

  /** A tab closed (or, without `tab`, the session ended). */
  async leave(idHash: string, tab?: string): Promise<void> {
    await this.store.accounts.leavePresence(idHash, tab);
    if (this.timer) void this.poll();
  }

  /** The list (presenceFor gives each user its copy). */
  async read(): Promise<PresenceList> {
    const rows = await this.store.accounts.listPresence(new Date().toISOString());
    const list = { present: rows.map(entryOf) };
    personalEdited.set(list, await this.personalFlowsEdited(list));
    return list;
  }

  /** The flows being edited that carry personal data (a key no flow has: none). */
  private async personalFlowsEdited(list: PresenceList): Promise<ReadonlySet<string>> {
    const keys = new Set(list.present.flatMap((p) => (p.editing?.kind === 'flow' ? [p.editing.key] : [])));
    const personal = new Set<string>();
    for (const key of keys) {
      const flow = await this.store.get('flow', key).catch(() => undefined);
      if (flow && isPersonalFlow(flow)) personal.add(key);
    }
    return personal;
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const list = await this.read();
      // A flow being edited that becomes (or stops being) personal data changes the viewers' copies.
      const signature = JSON.stringify([list, [...(personalEdited.get(list) ?? [])]]);
      if (!this.timer || signature === this.signature) return;
      this.signature = signature;
      this.current = list;
      this.broadcast(list);
    } catch (err) {
      this.logger.warn('presence: reading the list failed', { error: String(err) });
    } finally {
      this.busy = false;
    }
  }
}
