// The sign-in gate around the app: asks the server who is signed in; shows the sign-in page when nobody
// is (or when any API answer says the session has ended), the app otherwise.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { onSessionEnded } from '../../../lib/session';
import { useMeQuery } from '../api/getMe';
import { authKeys } from '../api/keys';
import '../auth.css';

// Loaded only when someone has to sign in: a signed-in page never needs it (nor the account rules it brings).
const SignInPage = lazy(() => import('./SignInPage').then((m) => ({ default: m.SignInPage })));

export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useMeQuery();
  const signedIn = Boolean(me.data);
  const signedInRef = useRef(signedIn);
  // Set when a session ended under a signed-in user (expired, removed), so the page can say so.
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    signedInRef.current = signedIn;
    if (signedIn) setEnded(false);
  }, [signedIn]);

  useEffect(
    () =>
      onSessionEnded(() => {
        if (signedInRef.current) setEnded(true);
        queryClient.setQueryData(authKeys.me(), null);
      }),
    [queryClient],
  );

  if (me.isPending) return <Loading>Opening Flow Atlas…</Loading>;
  if (me.isError && !me.data) {
    return <ErrorMessage title="Could not reach Flow Atlas" error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    return (
      <Suspense fallback={<Loading>Opening Flow Atlas…</Loading>}>
        <SignInPage sessionEnded={ended} />
      </Suspense>
    );
  }
  return <>{children}</>;
}
