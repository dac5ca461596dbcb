// What the administrator does to one account, each in a dialog: change its role, countries and name;
// reset its password; remove it (after a confirmation). The server's refusals (the last admin) are shown as it words them.
import { useState, type FormEvent } from 'react';
import { EditDialog } from '../../edit/components/EditDialog';
import '../../edit/edit.css';
import type { CountrySummary } from '../../../graph/api/types';
import { useDeleteAccount } from '../api/deleteAccount';
import { useUpdateAccount } from '../api/putAccount';
import { ROLES, type Account, type Role } from '../api/types';
import { useFocusFirstInvalid } from '../focus';
import { accountProblems, fieldProblems, generatePassword, PASSWORD_MIN, type AccountErrors } from '../rules';
import { Field } from './Field';
import { RoleFields } from './RoleFields';
import { SubmitCancel } from '../../edit/components/SubmitCancel';

export type AccountAction = { type: 'change' | 'reset' | 'remove'; account: Account };

interface Props {
  action: AccountAction;
  countries: readonly CountrySummary[];
  onClose: () => void;
  /** What was done, in a sentence for the page's status line. */
  onDone: (message: string) => void;
}

export function AccountDialog({ action, countries, onClose, onDone }: Props) {
  const who = action.account.username;
  if (action.type === 'change') {
    return (
      <EditDialog title={`Change the account ${who}`} onClose={onClose}>
        <ChangeForm account={action.account} countries={countries} onClose={onClose} onDone={onDone} />
      </EditDialog>
    );
  }
  if (action.type === 'reset') {
    return (
      <EditDialog title={`Reset the password of ${who}`} onClose={onClose}>
        <ResetForm account={action.account} onClose={onClose} onDone={onDone} />
      </EditDialog>
    );
  }
  return (
    <EditDialog title={`Remove the account ${who}`} role="alertdialog" onClose={onClose}>
      <RemoveConfirm account={action.account} onClose={onClose} onDone={onDone} />
    </EditDialog>
  );
}

function Failure({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="edit-failure" role="alert">
      {text}
    </p>
  );
}

function ChangeForm({
  account,
  countries,
  onClose,
  onDone,
}: {
  account: Account;
  countries: readonly CountrySummary[];
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const update = useUpdateAccount();
  const [role, setRole] = useState<Role>(account.role);
  const [chosen, setChosen] = useState<string[]>(account.countries);
  const [displayName, setDisplayName] = useState(account.displayName ?? '');
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const countriesToSend = role === 'ncp' ? chosen : [];
    const found = accountProblems(
      { username: account.username, displayName, role, countries: countriesToSend },
      { checkUsername: false, roles: ROLES },
    );
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    try {
      await update.mutateAsync({
        username: account.username,
        change: { role, countries: countriesToSend, displayName: displayName.trim() || null },
      });
      onDone(`Changed the account ${account.username}.`);
      onClose();
    } catch (err) {
      const onFields = fieldProblems(err) as AccountErrors;
      setErrors(onFields);
      setAttempt((n) => n + 1);
      if (Object.keys(onFields).length === 0)
        setFailure(`Could not change the account: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <form ref={formRef} className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label="Name (optional)"
        value={displayName}
        onChange={setDisplayName}
        error={errors.displayName}
        autoComplete="off"
      />
      <RoleFields
        role={role}
        countries={chosen}
        allCountries={countries}
        onRole={setRole}
        onCountries={setChosen}
        errors={errors}
      />
      <Failure text={failure} />
      <SubmitCancel label="Save changes" busyLabel="Saving…" busy={update.isPending} onCancel={onClose} />
    </form>
  );
}

function ResetForm({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const update = useUpdateAccount();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found = accountProblems(
      { username: account.username, displayName: '', role: account.role, countries: account.countries, password },
      { checkUsername: false, roles: ROLES },
    );
    setError(found.password ?? null);
    setAttempt((n) => n + 1);
    if (found.password) return;
    try {
      await update.mutateAsync({ username: account.username, change: { password } });
      onDone(`Reset the password of ${account.username}; their sessions have ended.`);
      onClose();
    } catch (err) {
      const onField = fieldProblems(err).password ?? null;
      setError(onField);
      setAttempt((n) => n + 1);
      if (!onField) setFailure(`Could not reset the password: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <form ref={formRef} className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        The new password replaces the old one at once, and {account.username} is signed out everywhere. Pass it on
        safely.
      </p>
      <Field
        label="New password"
        value={password}
        onChange={setPassword}
        error={error}
        hint={`At least ${PASSWORD_MIN} characters, not the username.`}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="edit-actions">
        <button type="button" onClick={() => setPassword(generatePassword())}>
          Generate a password
        </button>
      </div>
      <Failure text={failure} />
      <SubmitCancel label="Reset password" busyLabel="Resetting…" busy={update.isPending} onCancel={onClose} />
    </form>
  );
}

function RemoveConfirm({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const remove = useDeleteAccount();
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setFailure(null);
    try {
      await remove.mutateAsync(account.username);
      onDone(`Removed the account ${account.username}.`);
      onClose();
    } catch (err) {
      setFailure(`Could not remove the account: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="auth-form">
      <p>
        Remove the account <strong>{account.username}</strong>
        {account.displayName ? ` (${account.displayName})` : ''}? They are signed out at once and can no longer sign in.
        The history keeps their changes under their username.
      </p>
      <Failure text={failure} />
      <div className="edit-actions">
        <button type="button" className="edit-danger" disabled={remove.isPending} onClick={() => void confirm()}>
          {remove.isPending ? 'Removing…' : 'Remove account'}
        </button>
        {/* The safe choice has the focus first. */}
        <button type="button" onClick={onClose} data-autofocus>
          Keep it
        </button>
      </div>
    </div>
  );
}
