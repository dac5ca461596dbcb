// The groups of a grouped map as a list of buttons: the keyboard's way to what a click on the map does (a
// collapsed group opens, and its details show; from there it collapses again), as the stakeholder list is to a
// stakeholder's details.
import type { GroupSummary } from '../../../graph/grouping';
import { SECTOR_COLORS } from '../../../graph/styles';
import type { Sector } from '@model';

interface Props {
  groups: readonly GroupSummary[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

export function GroupList({ groups, selectedKey, onSelect }: Props) {
  return (
    <details className="stakeholder-list group-list" open>
      <summary>Groups ({groups.length})</summary>
      <ul>
        {groups.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              aria-pressed={g.key === selectedKey}
              aria-label={[g.name, g.ncp ? 'NCP' : '', `${g.members.length}`, g.open ? 'open' : 'collapsed']
                .filter(Boolean)
                .join(', ')}
              onClick={() => onSelect(g.key)}
            >
              <span
                className="swatch"
                style={{ background: g.sector ? SECTOR_COLORS[g.sector as Sector] : '#dddddd' }}
                aria-hidden="true"
              />
              <span className="name">{g.name}</span> {g.ncp && <span className="badge badge-ncp">NCP</span>}{' '}
              <span className="badge">{g.members.length}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted group-key">
        On the map a disc is a collapsed group, as large as it has stakeholders; a double black ring marks the
        NCP&apos;s group (the NCP is drawn on its own beside it). A line between groups is as wide as the flows it
        stands for, with their number. Click a disc to open its group, and its box to collapse it.
      </p>
    </details>
  );
}
