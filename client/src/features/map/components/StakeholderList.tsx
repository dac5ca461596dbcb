// The stakeholders of the map as a list of buttons: the keyboard route to the same details as a click.
import type { GraphStakeholder } from '../../../graph/api/types';
import { sortStakeholders } from '../../../graph/elements';
import { SECTOR_COLORS } from '../../../graph/styles';

interface Props {
  stakeholders: GraphStakeholder[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The whole region: sorted by country, each with its country code. */
  region?: boolean;
}

function sortForRegion(stakeholders: readonly GraphStakeholder[]): GraphStakeholder[] {
  return [...stakeholders].sort(
    (a, b) => a.country.localeCompare(b.country) || Number(b.ncp) - Number(a.ncp) || a.name.localeCompare(b.name),
  );
}

export function StakeholderList({ stakeholders, selectedId, onSelect, region = false }: Props) {
  const sorted = region ? sortForRegion(stakeholders) : sortStakeholders(stakeholders);
  return (
    <details className="stakeholder-list" open>
      <summary>Stakeholders ({stakeholders.length})</summary>
      <ul>
        {sorted.map((s) => {
          const showCountry = region || s.external;
          return (
            <li key={s.id}>
              <button
                type="button"
                aria-pressed={s.id === selectedId}
                aria-label={[s.name, s.ncp ? 'NCP' : '', showCountry ? s.country : ''].filter(Boolean).join(', ')}
                className={s.external ? 'external' : undefined}
                onClick={() => onSelect(s.id)}
              >
                <span className="swatch" style={{ background: SECTOR_COLORS[s.sector] }} aria-hidden="true" />
                {/* Spaces between the parts, so the visible text reads as the accessible name does. */}
                <span className="name">{s.name}</span> {s.ncp && <span className="badge badge-ncp">NCP</span>}{' '}
                {showCountry && <span className="badge">{s.country}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
