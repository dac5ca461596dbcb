// The map's toolbar: which map (the country's or the whole region's), the layout or a grouping (by sector
// or type, on a country's map), the search, the flows table, edit mode (or why it is not offered), and the
// PNG and SVG downloads.
import type { GraphStakeholder } from '../../../graph/api/types';
import type { Scope } from '../../../graph/elements';
import { GROUP_BYS, type GroupBy } from '../../../graph/grouping';
import { LAYOUTS, type LayoutName } from '../../../graph/layouts';
import { SearchBox } from './SearchBox';

interface Props {
  scope: Scope;
  onScope: (scope: Scope) => void;
  countryName: string;
  layout: LayoutName;
  onLayout: (layout: LayoutName) => void;
  /** Group by (a country's map only: null on the whole region's). */
  groupBy: GroupBy | 'none' | null;
  onGroupBy: (by: GroupBy | null) => void;
  stakeholders: GraphStakeholder[];
  query: string;
  onQuery: (q: string) => void;
  onPick: (id: string) => void;
  showTable: boolean;
  onToggleTable: () => void;
  /** Whether edit mode is offered; else the note saying why not (an NCP elsewhere), if any. */
  mayEdit: boolean;
  editMode: boolean;
  onToggleEdit: () => void;
  readOnly: string | null;
  onExport: (kind: 'png' | 'svg') => void;
}

export function MapToolbar(props: Props) {
  const { scope, onScope, countryName, layout, onLayout, mayEdit, editMode, readOnly, onExport } = props;
  return (
    <div className="map-toolbar">
      <div className="scope-switch" role="group" aria-label="Map of">
        <button type="button" aria-pressed={scope === 'country'} onClick={() => onScope('country')}>
          {countryName}
        </button>
        <button type="button" aria-pressed={scope === 'region'} onClick={() => onScope('region')}>
          Whole region
        </button>
      </div>
      <label className="map-toolbar-field">
        <span>Layout</span>
        <select
          value={layout}
          disabled={props.groupBy !== null && props.groupBy !== 'none'}
          onChange={(e) => onLayout(e.target.value as LayoutName)}
        >
          {LAYOUTS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      {props.groupBy !== null && (
        <label className="map-toolbar-field">
          <span>Group by</span>
          <select
            value={props.groupBy}
            onChange={(e) => props.onGroupBy(e.target.value === 'none' ? null : (e.target.value as GroupBy))}
          >
            <option value="none">None</option>
            {GROUP_BYS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <SearchBox stakeholders={props.stakeholders} query={props.query} onQuery={props.onQuery} onPick={props.onPick} />
      <button type="button" className="map-button" aria-pressed={props.showTable} onClick={props.onToggleTable}>
        Show flows as a table
      </button>
      {mayEdit && (
        <button
          type="button"
          className="map-button map-edit-toggle"
          aria-pressed={editMode}
          data-edit-return
          onClick={props.onToggleEdit}
        >
          Edit mode
        </button>
      )}
      {!mayEdit && readOnly && <p className="read-only-note map-read-only">{readOnly}</p>}
      <div className="map-toolbar-end" role="group" aria-label="Download the map">
        {(['png', 'svg'] as const).map((kind) => {
          const label = `Download the map as ${kind.toUpperCase()}`;
          return (
            <button
              key={kind}
              type="button"
              className="map-button"
              aria-label={label}
              title={label}
              onClick={() => onExport(kind)}
            >
              ↓ {kind.toUpperCase()}
            </button>
          );
        })}
      </div>
    </div>
  );
}
