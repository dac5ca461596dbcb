// The one signal that the session is gone: any API answer 401 `unauthenticated` (expired, signed out
// elsewhere, account removed) tells the sign-in gate, which then shows the sign-in page.
type Listener = () => void;

const listeners = new Set<Listener>();

/** The code the API answers a request without a (valid) session with. */
export const UNAUTHENTICATED = 'unauthenticated';

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the request helpers when the API answered 401 `unauthenticated`. */
export function sessionEnded(): void {
  listeners.forEach((l) => l());
}

/** Whether an answer means "sign in first" (and not, say, a wrong password on the sign-in form). */
export function isSessionEnd(status: number, code: string): boolean {
  return status === 401 && code === UNAUTHENTICATED;
}
