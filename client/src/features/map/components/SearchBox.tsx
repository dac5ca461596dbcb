// Finds stakeholders by name or id as you type; Enter (or a click) picks one, which the map selects
// and centres. The text is kept in the URL (`q`).
import { useId, useState } from 'react';
import type { GraphStakeholder } from '../../../graph/api/types';
import { findStakeholders } from '../search';

interface Props {
  stakeholders: GraphStakeholder[];
  query: string;
  onQuery: (q: string) => void;
  onPick: (id: string) => void;
}

const MAX_MATCHES = 8;

export function SearchBox({ stakeholders, query, onQuery, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const matches = findStakeholders(stakeholders, query);
  const shown = matches.slice(0, MAX_MATCHES);
  const pick = (s: GraphStakeholder) => {
    setOpen(false);
    onPick(s.id);
  };
  return (
    <form
      className="map-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (shown[0]) pick(shown[0]);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label>
        <span className="visually-hidden">Find a stakeholder</span>
        <input
          type="search"
          placeholder="Find a stakeholder…"
          value={query}
          aria-controls={open && query.trim() !== '' ? listId : undefined}
          autoComplete="off"
          onFocus={() => setOpen(true)}
          onChange={(e) => {
            setOpen(true);
            onQuery(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      {open && query.trim() !== '' && (
        <div className="map-search-results" id={listId}>
          <p className="map-search-count" role="status">
            {matches.length === 0
              ? 'No stakeholder matches'
              : `${matches.length} match${matches.length === 1 ? '' : 'es'}`}
            {matches.length > MAX_MATCHES ? `, first ${MAX_MATCHES} shown` : ''}
          </p>
          {shown.length > 0 && (
            <ul aria-label="Matching stakeholders">
              {shown.map((s) => (
                <li key={s.id}>
                  <button type="button" onClick={() => pick(s)}>
                    <span className="name">{s.name}</span>{' '}
                    <span className="muted">
                      {s.country} · {s.id}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
