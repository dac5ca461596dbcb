// "Change password": the current password, the new one twice; each message at its field, the server's
// too (a wrong current password, a weak new one). The server signs out the user's other sessions.
import { useState, type FormEvent } from 'react';
import { EditDialog } from '../../edit/components/EditDialog';
import '../../edit/edit.css';
import { useChangePassword } from '../api/postPassword';
import { ApiError } from '../../../lib/apiFetch';
import { useFocusFirstInvalid } from '../focus';
import { fieldProblems, passwordProblem, PASSWORD_MIN, signInFailure } from '../rules';
import { Field } from './Field';
import { SubmitCancel } from '../../edit/components/SubmitCancel';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
  repeat?: string;
}

export function ChangePasswordDialog({ username, onClose }: { username: string; onClose: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const found: Errors = {};
    if (!current) found.currentPassword = 'Give your current password.';
    const weak = passwordProblem(next, username);
    if (weak) found.newPassword = weak;
    if (!weak && repeat !== next) found.repeat = 'The two new passwords differ: type the same one again.';
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    try {
      await change.mutateAsync({ currentPassword: current, newPassword: next });
      setDone(true);
    } catch (err) {
      const onFields = fieldProblems(err);
      const known: Errors = {
        ...(onFields.currentPassword ? { currentPassword: onFields.currentPassword } : {}),
        ...(onFields.newPassword ? { newPassword: onFields.newPassword } : {}),
      };
      setErrors(known);
      setAttempt((n) => n + 1);
      // Too many wrong current passwords lock the account like failed sign-ins do: say for how long.
      if (Object.keys(known).length === 0)
        setFailure(
          err instanceof ApiError && err.status === 429
            ? signInFailure(err)
            : err instanceof Error
              ? err.message
              : String(err),
        );
    }
  }

  return (
    <EditDialog title="Change password" onClose={onClose}>
      {done ? (
        <div className="auth-done">
          <p role="status">Your password has been changed. Other browsers signed in as you have been signed out.</p>
          <div className="edit-actions">
            <button type="button" className="edit-primary" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form ref={formRef} className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label="Current password"
            type="password"
            value={current}
            onChange={setCurrent}
            error={errors.currentPassword}
            autoComplete="current-password"
          />
          <Field
            label="New password"
            type="password"
            value={next}
            onChange={setNext}
            error={errors.newPassword}
            hint={`At least ${PASSWORD_MIN} characters, not your username.`}
            autoComplete="new-password"
          />
          <Field
            label="Repeat the new password"
            type="password"
            value={repeat}
            onChange={setRepeat}
            error={errors.repeat}
            autoComplete="new-password"
          />
          {failure && (
            <p className="edit-failure" role="alert">
              Could not change the password: {failure}
            </p>
          )}
          <SubmitCancel label="Change password" busyLabel="Changing…" busy={change.isPending} onCancel={onClose} />
        </form>
      )}
    </EditDialog>
  );
}
