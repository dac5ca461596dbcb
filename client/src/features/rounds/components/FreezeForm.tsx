// "Freeze current map as a round": a name (required, unique in its scope), an optional note, and the
// scope: the chosen country (the default) or the whole region (when the user may freeze region rounds).
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { useFreezeRound } from '../api/postRound';
import type { RoundSummary } from '../api/types';

const NAME_MAX = 120;

interface Props {
  country: string;
  countryName: string;
  /** Whether the whole region may be frozen (not by an NCP). */
  regionAllowed?: boolean;
  onFrozen?: (round: RoundSummary) => void;
}

export function FreezeForm({ country, countryName, regionAllowed = true, onFrozen }: Props) {
  const freeze = useFreezeRound();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [scope, setScope] = useState<'country' | 'region'>('country');
  const [nameError, setNameError] = useState<string | null>(null);
  const [frozen, setFrozen] = useState<RoundSummary | null>(null);
  const ids = { name: useId(), note: useId(), hint: useId(), error: useId() };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFrozen(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the round a name, such as “2010 baseline”.');
      return;
    }
    setNameError(null);
    try {
      const round = await freeze.mutateAsync({
        name: trimmed,
        ...(scope === 'country' ? { country } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setFrozen(round);
      setName('');
      setNote('');
      onFrozen?.(round);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setNameError(
          `A round named “${trimmed}” already exists for ${scope === 'country' ? countryName : 'the whole region'}. Choose another name.`,
        );
      } else if (err instanceof ApiError && err.status === 400 && err.problems.length > 0) {
        setNameError(err.problems.map((p) => `${p.field ?? p.path ?? ''} ${p.message}`.trim()).join('; '));
      }
    }
  }

  const otherError =
    freeze.error instanceof ApiError &&
    (freeze.error.status === 409 || (freeze.error.status === 400 && freeze.error.problems.length > 0))
      ? null
      : freeze.error;

  return (
    <section className="page-section" aria-labelledby="freeze-heading">
      <h3 id="freeze-heading">Freeze the current map as a round</h3>
      <p className="page-note">
        A round is a frozen copy of the map, such as the state after a round of interviews. Compare it with later rounds
        or with the map as it is now.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="freeze-grid">
          <div className="field">
            <label htmlFor={ids.name}>Name of the round</label>
            <input
              id={ids.name}
              type="text"
              value={name}
              maxLength={NAME_MAX}
              required
              aria-required="true"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={`${ids.hint}${nameError ? ` ${ids.error}` : ''}`}
              onChange={(e) => setName(e.target.value)}
            />
            <span id={ids.hint} className="field-hint">
              For example “2010 baseline” or “2026 follow-up”; unique for its country or the region.
            </span>
            {nameError && (
              <p id={ids.error} className="field-error">
                {nameError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.note}>Note (optional)</label>
            <textarea id={ids.note} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
        </div>
        {regionAllowed && (
          <fieldset>
            <legend>What to freeze</legend>
            <label>
              <input
                type="radio"
                name="freeze-scope"
                checked={scope === 'country'}
                onChange={() => setScope('country')}
              />
              <span>The map of {countryName}</span>
            </label>
            <label>
              <input
                type="radio"
                name="freeze-scope"
                checked={scope === 'region'}
                onChange={() => setScope('region')}
              />
              <span>The whole region (every country; it can be compared for each of them)</span>
            </label>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={freeze.isPending}>
            {freeze.isPending ? 'Freezing…' : 'Freeze current map as a round'}
          </button>
        </div>
      </form>
      {frozen && (
        <p className="notice notice-ok" role="status">
          Round “{frozen.name}” frozen: {frozen.counts.stakeholders} stakeholders and {frozen.counts.flows} flows
          {frozen.country ? '' : ' in the whole region'}.
        </p>
      )}
      {otherError && (
        <div className="notice notice-error" role="alert">
          <h4>Could not freeze the round</h4>
          <p>{otherError.message}</p>
        </div>
      )}
    </section>
  );
}
