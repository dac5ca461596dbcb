// The change feed's events (GET /api/events, services/events.ts), shared with the client that follows it.
import type { AuditEntry } from './stored';

/** The data of a `change` event: one committed change as the signed-in user may see it. */
export interface ChangeEvent {
  /** The audit entry's sequence number (also the event's id). */
  seq: number;
  kind: string;
  /** The item's key: an id, or a membership's `stakeholder|network`. */
  key: string;
  action: AuditEntry['action'];
  countries: string[];
  /** The store version the change committed as; null for accounts and rounds. */
  storeVersion: number | null;
  /** Who made the change; null for an NCP when the change is outside its countries (their audit trail is not its). */
  actor: string | null;
  at: string;
}

/** What a browser tab says it is showing (POST /api/presence). */
export interface PresenceInput {
  /** The tab's own random id. */
  tab: string;
  country: string | null;
  view: string;
  /** The item its edit form is open on. */
  editing: { kind: string; key: string } | null;
}

/** One tab someone has open, as everyone signed in sees it: no more than the username and the role. */
export interface PresenceEntry extends PresenceInput {
  username: string;
  role: string;
}

/** The data of a `presence` event, and GET /api/presence: every tab open now. */
export interface PresenceList {
  present: PresenceEntry[];
}
