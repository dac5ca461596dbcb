// The map's filters as form controls: one indicator, and themes, sectors, bases, statuses and
// confidences as groups of checkboxes. The state lives in the URL (see filters.ts).
import { humanize } from '../../../lib/format';
import type { ReferenceResponse } from '../../../graph/api/types';
import { activeFilterCount, NO_FILTERS, type MapFilters } from '../filters';
import { BASIS_ORDER, CONFIDENCE_ORDER, SECTOR_COLORS, SECTOR_ORDER, STATUS_ORDER } from '../../../graph/styles';

interface Props {
  filters: MapFilters;
  reference: ReferenceResponse | undefined;
  onChange: (next: MapFilters) => void;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

interface ChecksProps<T extends string> {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  label?: (value: T) => string;
  swatch?: (value: T) => string;
  onToggle: (value: T) => void;
}

function Checks<T extends string>({ legend, options, chosen, label = humanize, swatch, onToggle }: ChecksProps<T>) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="filter-check">
          <input type="checkbox" checked={chosen.includes(o)} onChange={() => onToggle(o)} />
          {swatch && <span className="swatch" style={{ background: swatch(o) }} aria-hidden="true" />}
          <span className="filter-check-text">{label(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel({ filters: f, reference, onChange }: Props) {
  const count = activeFilterCount(f);
  const themes = reference?.themes ?? [];
  const indicators = reference?.indicators ?? [];
  const themeName = new Map(themes.map((t) => [t.code, t.name]));
  return (
    <details className="map-filters" open>
      <summary>Filters{count > 0 ? ` (${count} on)` : ''}</summary>
      <label className="filter-indicator">
        <span>Indicator</span>
        <select value={f.indicator ?? ''} onChange={(e) => onChange({ ...f, indicator: e.target.value || null })}>
          <option value="">All indicators</option>
          {f.indicator && !indicators.some((i) => i.code === f.indicator) && (
            <option value={f.indicator}>{f.indicator}</option>
          )}
          {themes.map((t) => (
            <optgroup key={t.code} label={t.name}>
              {indicators
                .filter((i) => i.themes[0] === t.code)
                .map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.code} · {i.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <Checks
        legend="Theme"
        options={themes.map((t) => t.code)}
        chosen={f.themes}
        label={(code) => themeName.get(code) ?? code}
        onToggle={(v) => onChange({ ...f, themes: toggle(f.themes, v) })}
      />
      <Checks
        legend="Sector"
        options={SECTOR_ORDER}
        chosen={f.sectors}
        swatch={(s) => SECTOR_COLORS[s]}
        onToggle={(v) => onChange({ ...f, sectors: toggle(f.sectors, v) })}
      />
      <Checks
        legend="Basis"
        options={BASIS_ORDER}
        chosen={f.bases}
        onToggle={(v) => onChange({ ...f, bases: toggle(f.bases, v) })}
      />
      <Checks
        legend="Status"
        options={STATUS_ORDER}
        chosen={f.statuses}
        onToggle={(v) => onChange({ ...f, statuses: toggle(f.statuses, v) })}
      />
      <Checks
        legend="Confidence"
        options={CONFIDENCE_ORDER}
        chosen={f.confidences}
        onToggle={(v) => onChange({ ...f, confidences: toggle(f.confidences, v) })}
      />
      {count > 0 && (
        <button type="button" className="map-button-quiet" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </details>
  );
}
