// "Add an account": username, name, role (and an NCP's countries) and a first password, which the
// administrator passes on; every message next to its field, the server's refusals included.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import type { CountrySummary } from '../../../graph/api/types';
import { useCreateAccount } from '../api/postAccount';
import { ROLES, type Account, type Role } from '../api/types';
import { useFocusFirstInvalid } from '../focus';
import { accountProblems, fieldProblems, generatePassword, PASSWORD_MIN, type AccountErrors } from '../rules';
import { Field } from './Field';
import { RoleFields } from './RoleFields';

interface Props {
  countries: readonly CountrySummary[];
  onCreated: (account: Account) => void;
}

export function AccountForm({ countries, onCreated }: Props) {
  const create = useCreateAccount();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [chosen, setChosen] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const draft = { username: username.trim(), displayName, role, countries: role === 'ncp' ? chosen : [], password };
    const found = accountProblems(draft, { checkUsername: true, roles: ROLES });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    try {
      const account = await create.mutateAsync({
        username: draft.username,
        role,
        countries: draft.countries,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        password,
      });
      setUsername('');
      setDisplayName('');
      setRole('viewer');
      setChosen([]);
      setPassword('');
      setErrors({});
      onCreated(account);
    } catch (err) {
      const onFields = fieldProblems(err) as AccountErrors;
      if (err instanceof ApiError && err.status === 409 && !onFields.username) {
        onFields.username = `There is already an account named “${draft.username}”.`;
      }
      setErrors(onFields);
      setAttempt((n) => n + 1);
      if (Object.keys(onFields).length === 0) setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="page-section" aria-labelledby="account-add-heading">
      <h3 id="account-add-heading">Add an account</h3>
      <form ref={formRef} className="auth-form account-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="account-grid">
          <Field
            label="Username"
            value={username}
            onChange={setUsername}
            error={errors.username}
            hint="3 to 40 characters: lower-case letters, digits and . _ -"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
          <Field
            label="Name (optional)"
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
            hint="How the header shows the person."
            autoComplete="off"
          />
        </div>
        <RoleFields
          role={role}
          countries={chosen}
          allCountries={countries}
          onRole={setRole}
          onCountries={setChosen}
          errors={errors}
        />
        <div className="account-password">
          <Field
            label="First password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            hint={`At least ${PASSWORD_MIN} characters, not the username. Pass it on safely; the person changes it after signing in.`}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="button" className="btn btn-small" onClick={() => setPassword(generatePassword())}>
            Generate a password
          </button>
        </div>
        {failure && (
          <div className="notice notice-error" role="alert">
            <p>Could not add the account: {failure}</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add account'}
          </button>
        </div>
      </form>
    </section>
  );
}
