// "Your name": set once, kept in this browser, sent with every change so the history says who made it.
import { useEffect, useId, useState } from 'react';
import { ACTOR_PATTERN, setActor, useActor } from '../../../lib/actor';

export function ActorField() {
  const stored = useActor();
  const [text, setText] = useState(stored);
  const id = useId();
  useEffect(() => setText(stored), [stored]);
  const invalid = text.trim() !== '' && !ACTOR_PATTERN.test(text.trim());
  return (
    <div className="actor-field">
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder="anonymous"
        autoComplete="name"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => setActor(text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setActor(text.trim());
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="edit-error">
          Letters, digits, spaces and . @ - _ only: changes are saved as anonymous.
        </span>
      )}
    </div>
  );
}
