// The Accounts view (admin only, `?view=accounts`): every account with its role and countries, adding
// one, and changing, resetting or removing each (with confirmations).
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { formatDateTime } from '../../../lib/dates';
import '../../../lib/page.css';
import { useCountries } from '../../../graph/api/getCountries';
import { useAccounts } from '../api/getAccounts';
import { useMe } from '../api/getMe';
import type { Account } from '../api/types';
import { can, countryList, ROLE_NAMES } from '../permissions';
import { AccountDialog, type AccountAction } from './AccountDialogs';
import { AccountForm } from './AccountForm';

export function AccountsView() {
  const user = useMe();
  const accounts = useAccounts();
  const countries = useCountries();
  const [action, setAction] = useState<AccountAction | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  if (!can(user, 'accounts')) return <p className="state">Only an administrator can manage accounts.</p>;
  const all = countries.data?.countries ?? [];
  const names = new Map(all.map((c) => [c.code, c.name]));
  const list = [...(accounts.data?.accounts ?? [])].sort((a, b) => a.username.localeCompare(b.username));
  const act = (type: AccountAction['type'], account: Account) => {
    setStatus(null);
    setAction({ type, account });
  };

  return (
    <div className="page accounts-view">
      <header>
        <h2>Accounts</h2>
        <p className="page-lede">
          Who may sign in, and what each may do: administrators manage accounts, editors edit every country, an NCP
          edits its own countries and reads the region, viewers read (without personal data).
        </p>
      </header>
      <section className="page-section" aria-labelledby="accounts-heading">
        <h3 id="accounts-heading">Accounts ({list.length})</h3>
        {status && (
          <p className="notice notice-ok" role="status">
            {status}
          </p>
        )}
        {accounts.isPending && <Loading>Loading the accounts…</Loading>}
        {accounts.isError && (
          <ErrorMessage
            title="Could not load the accounts"
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
          />
        )}
        {accounts.data && (
          <div className="page-table-scroll">
            <table className="page-table accounts-table">
              <caption>Every account, by username</caption>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Countries</th>
                  <th scope="col">Last signed in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.username} data-account={a.username}>
                    <th scope="row">
                      {a.username}
                      {a.username === user?.username && <span className="muted"> (you)</span>}
                    </th>
                    <td>{a.displayName ?? <span className="muted">—</span>}</td>
                    <td data-role={a.role}>{ROLE_NAMES[a.role]}</td>
                    <td>
                      {a.countries.length > 0 ? countryList(a.countries, names) : <span className="muted">—</span>}
                    </td>
                    <td>{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : <span className="muted">never</span>}</td>
                    <td className="account-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Change ${a.username}`}
                        onClick={() => act('change', a)}
                      >
                        Change
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Reset password of ${a.username}`}
                        onClick={() => act('reset', a)}
                      >
                        Reset password
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        aria-label={`Remove ${a.username}`}
                        onClick={() => act('remove', a)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AccountForm
        countries={all}
        onCreated={(a) =>
          setStatus(
            `Added the account ${a.username} (${ROLE_NAMES[a.role].toLowerCase()}${a.countries.length ? ` for ${countryList(a.countries, names)}` : ''}). It can sign in now.`,
          )
        }
      />
      {action && <AccountDialog action={action} countries={all} onClose={() => setAction(null)} onDone={setStatus} />}
    </div>
  );
}
