// Shared loading and error states: announced to screen readers, never a blank area.
import type { ReactNode } from 'react';
import { ApiError } from '../lib/apiFetch';

export function Loading({ children }: { children: ReactNode }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {children}
    </div>
  );
}

interface ErrorProps {
  title: string;
  error: Error;
  onRetry?: () => void;
  children?: ReactNode;
}

export function ErrorMessage({ title, error, onRetry, children }: ErrorProps) {
  const problems = error instanceof ApiError ? error.problems : [];
  // Asking again will not change a 4xx answer (unknown country, bad request).
  const retryable = !(error instanceof ApiError && error.status >= 400 && error.status < 500);
  return (
    <div className="state state-error" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {[p.path, p.field].filter(Boolean).join(' ')}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {children}
      {onRetry && retryable && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
