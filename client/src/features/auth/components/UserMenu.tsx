// The signed-in user in the header: name, role and countries, "Change password" and "Sign out".
import { lazy, Suspense, useState } from 'react';
import { useCountries } from '../../../graph/api/getCountries';
import { useMe } from '../api/getMe';
import { useSignOut } from '../api/postLogout';
import { countryList, ROLE_NAMES } from '../permissions';

// Loaded when first opened, so the first page load does not carry the account rules and forms.
const ChangePasswordDialog = lazy(() =>
  import('./ChangePasswordDialog').then((m) => ({ default: m.ChangePasswordDialog })),
);

export function UserMenu() {
  const user = useMe();
  const signOut = useSignOut();
  const countries = useCountries();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const names = new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name]));
  const where = user.countries.length > 0 ? ` for ${countryList(user.countries, names)}` : '';
  return (
    <div className="user-menu" role="group" aria-label="Your account">
      <p className="user-who">
        <span className="visually-hidden">Signed in as </span>
        <strong className="user-name" data-username={user.username}>
          {user.displayName ?? user.username}
        </strong>{' '}
        <span className="user-role">
          {ROLE_NAMES[user.role]}
          {where}
        </span>
      </p>
      <button type="button" className="btn btn-small" onClick={() => setChanging(true)}>
        Change password
      </button>
      <button type="button" className="btn btn-small" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </button>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordDialog username={user.username} onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </div>
  );
}
