// The sign-in page: username and password, with a clear message when they are wrong or the account is
// locked out (and for how long). The notice about the illustrative maps stays visible here too.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSignIn } from '../api/postLogin';
import { signInFailure } from '../rules';
import { Field } from './Field';

export function SignInPage({ sessionEnded = false }: { sessionEnded?: boolean }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = username.trim();
    const next = {
      ...(name ? {} : { username: 'Give your username.' }),
      ...(password ? {} : { password: 'Give your password.' }),
    };
    setMissing(next);
    setFailure(null);
    if (next.username) return usernameRef.current?.focus();
    if (next.password) return passwordRef.current?.focus();
    try {
      await signIn.mutateAsync({ username: name, password });
    } catch (err) {
      setFailure(signInFailure(err));
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>Flow Atlas</h1>
        <p className="tagline">Who passes information on child trafficking to whom, Baltic Sea Region</p>
      </header>
      <main className="app-main signin-main">
        <p className="banner banner-illustrative" role="note">
          <strong>Illustrative maps:</strong> the region that ships with Flow Atlas is built from public descriptions of
          institutions, not verified data. Institutions only; no case data.
        </p>
        <section className="signin" aria-labelledby="signin-heading">
          <h2 id="signin-heading">Sign in</h2>
          <p className="signin-lede">
            The map says which offices hold information on trafficked children and how it travels: it is for the people
            who keep it.
          </p>
          {sessionEnded && (
            <p className="notice notice-warn" role="status">
              Your session has ended. Sign in again to carry on where you were.
            </p>
          )}
          <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={failure ? 'signin-failure' : undefined}>
            <Field
              ref={usernameRef}
              label="Username"
              value={username}
              onChange={setUsername}
              error={missing.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <Field
              ref={passwordRef}
              label="Password"
              type="password"
              value={password}
              onChange={setPassword}
              error={missing.password}
              autoComplete="current-password"
              required
            />
            {failure && (
              <div id="signin-failure" className="notice notice-error" role="alert">
                <p>{failure}</p>
              </div>
            )}
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={signIn.isPending}>
                {signIn.isPending ? 'Signing in…' : 'Sign in'}
              </button>
            </div>
          </form>
          <p className="page-note">Forgotten your password? Ask an administrator of this Flow Atlas to reset it.</p>
        </section>
      </main>
    </div>
  );
}
