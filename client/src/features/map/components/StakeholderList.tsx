// The stakeholders of the map as a list of buttons: the keyboard route to the same details as a click.
import { useMemo } from 'react';
import type { GraphStakeholder } from '../../../graph/api/types';
import { compareText } from '../../../graph/compareText';
import { sortStakeholders } from '../../../graph/elements';

interface Props {
  stakeholders: GraphStakeholder[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The whole region: sorted by country, each with its country code. */
  region?: boolean;
}

function sortForRegion(stakeholders: readonly GraphStakeholder[]): GraphStakeholder[] {
  return [...stakeholders].sort(
    (a, b) => compareText(a.country, b.country) || Number(b.ncp) - Number(a.ncp) || compareText(a.name, b.name),
  );
}

export function StakeholderList({ stakeholders, selectedId, onSelect, region = false }: Props) {
  // Sorted once per list, not on every selection (a thousand names).
  const sorted = useMemo(
    () => (region ? sortForRegion(stakeholders) : sortStakeholders(stakeholders)),
    [region, stakeholders],
  );
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
                {/* The sector's colour from a class (map.css): an inline style costs a style parse per row. */}
                <span className={`swatch sector-${s.sector}`} aria-hidden="true" />
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
