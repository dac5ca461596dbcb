// Who else is here (issue 15 point 3), in the header: each other open tab's username and role, and what it shows
// or edits in its tooltip and accessible name. No more than that is known of anyone.
import { editorsOf, roleName, useOthersPresent, type PresenceEntry } from './presence';
import './live.css';

const SHOWN = 4;

function where(p: PresenceEntry): string {
  const place = `${p.view}${p.country ? `, ${p.country}` : ''}`;
  return p.editing ? `editing ${p.editing.kind} ${p.editing.key} (${place})` : `on ${place}`;
}

export function PresenceBar() {
  const others = useOthersPresent();
  // One chip per person (several tabs: the first named, the rest in its tooltip).
  const people = new Map<string, PresenceEntry[]>();
  for (const p of others) people.set(p.username, [...(people.get(p.username) ?? []), p]);
  if (people.size === 0) return null;
  const list = [...people.values()];
  return (
    <div className="presence-bar" role="status" aria-label="Also here">
      <span className="presence-label">Also here:</span>
      <ul>
        {list.slice(0, SHOWN).map((tabs) => {
          const first = tabs[0]!;
          const text = `${first.username} (${roleName(first.role)}) ${tabs.map(where).join('; ')}`;
          return (
            <li key={first.username} title={text} aria-label={text} data-username={first.username}>
              <bdi>{first.username}</bdi>
              {first.editing && <span className="presence-editing"> ✎</span>}
            </li>
          );
        })}
        {list.length > SHOWN && <li className="presence-more">+{list.length - SHOWN}</li>}
      </ul>
    </div>
  );
}

/** In an edit form: who else has this item's form open. */
export function EditingToo({ kind, itemKey }: { kind: string; itemKey: string | undefined }) {
  const editors = editorsOf(useOthersPresent(), kind, itemKey ?? '');
  if (!itemKey || editors.length === 0) return null;
  const names = editors.join(', ');
  return (
    <p className="editing-too" role="status">
      Also editing this item now: <bdi>{names}</bdi>. Whoever saves second will see both versions.
    </p>
  );
}

/** In an item's details beside the map: who else has its edit form open (the map shows a badge on it too). */
export function BeingEdited({ kind, itemKey }: { kind: 'stakeholder' | 'flow'; itemKey: string }) {
  const editors = editorsOf(useOthersPresent(), kind, itemKey);
  if (editors.length === 0) return null;
  return (
    <p className="being-edited" role="status">
      Being edited by <bdi>{editors.join(', ')}</bdi> now.
    </p>
  );
}
