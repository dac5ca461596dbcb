// The bottlenecks view's suggested flows: each with a box to add it to the what-if scenario; the chosen
// ones first, the first dozen shown until asked for all.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { HiddenBeside } from '../../../components/HiddenNotice';
import { ErrorMessage, Loading } from '../../../components/States';
import type { SuggestionsResponse } from '../../analysis/api/types';
import { suggestionKey, type Suggestion } from '../scenario';

const SUGGESTIONS_SHOWN = 12;

const KIND_WORDS: Record<Suggestion['kind'], string> = {
  direct: 'new direct flow',
  join_route: 'new flow joining a route',
  extend_flow: 'add to an existing flow',
};

interface Props {
  suggestions: UseQueryResult<SuggestionsResponse>;
  /** Keys of the suggested flows in the scenario. */
  added: readonly string[];
  onToggle: (key: string) => void;
  nameOf: (id: string) => string;
}

export function SuggestedFlows({ suggestions, added, onToggle, nameOf }: Props) {
  const [all, setAll] = useState(false);
  const list = suggestions.data?.suggestions ?? [];
  const chosen = list.filter((s) => added.includes(suggestionKey(s)));
  const shown = all
    ? list
    : [...chosen, ...list.filter((s) => !chosen.includes(s))].slice(0, Math.max(SUGGESTIONS_SHOWN, chosen.length));
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">
        Suggested flows to add
        {suggestions.data && (
          <>
            {' '}
            ({list.length}
            <HiddenBeside count={suggestions.data.hidden?.suggestions} within />)
          </>
        )}
      </h2>
      {suggestions.isPending && <Loading>Loading suggestions…</Loading>}
      {suggestions.isError && (
        <ErrorMessage
          title="Could not load the suggestions"
          error={suggestions.error}
          onRetry={() => void suggestions.refetch()}
        />
      )}
      {suggestions.data && list.length === 0 && (
        <p className="muted">None: no indicator is collected here without reaching the NCP.</p>
      )}
      {list.length > 0 && (
        <>
          <ul className="bn-check-list suggestions">
            {shown.map((s) => {
              const key = suggestionKey(s);
              return (
                <li key={key}>
                  <label>
                    <input type="checkbox" checked={added.includes(key)} onChange={() => onToggle(key)} />
                    <span>
                      Add{' '}
                      <strong>
                        {nameOf(s.from)} → {nameOf(s.to)}
                      </strong>{' '}
                      carrying <strong>{s.indicator}</strong>{' '}
                      <span className="muted">
                        ({KIND_WORDS[s.kind]}
                        {s.flow ? ` ${s.flow}` : ''}, peer score {Math.round(s.peerScore * 100)} %)
                      </span>
                      <span className="explanation">{s.explanation}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {list.length > SUGGESTIONS_SHOWN && (
            <button type="button" className="map-button-quiet" onClick={() => setAll((v) => !v)}>
              {all ? 'Show fewer' : `Show all ${list.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
