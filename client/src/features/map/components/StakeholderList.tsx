// The stakeholders of the map as a list of buttons: the keyboard route to the same details as a click.
import type { GraphStakeholder } from '../api/types';
import { sortStakeholders } from '../elements';
import { SECTOR_COLORS } from '../styles';

interface Props {
  stakeholders: GraphStakeholder[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function StakeholderList({ stakeholders, selectedId, onSelect }: Props) {
  return (
    <details className="stakeholder-list" open>
      <summary>Stakeholders ({stakeholders.length})</summary>
      <ul>
        {sortStakeholders(stakeholders).map((s) => (
          <li key={s.id}>
            <button
              type="button"
              aria-pressed={s.id === selectedId}
              aria-label={[s.name, s.ncp ? 'NCP' : '', s.external ? s.country : ''].filter(Boolean).join(', ')}
              className={s.external ? 'external' : undefined}
              onClick={() => onSelect(s.id)}
            >
              <span className="swatch" style={{ background: SECTOR_COLORS[s.sector] }} aria-hidden="true" />
              <span className="name">{s.name}</span>
              {s.ncp && <span className="badge badge-ncp">NCP</span>}
              {s.external && <span className="badge">{s.country}</span>}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
