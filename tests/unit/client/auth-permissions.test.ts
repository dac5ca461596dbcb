// What the UI offers each role (features/auth/permissions.ts): the same rules the server applies, so a
// control is shown exactly when the server would accept what it sends.
import type { SessionUser } from '../../../server/model/roles';
import { ACTIONS, can, canEditItem, readOnlyReason, REGION } from '../../../client/src/features/auth/permissions';
import { RULE_ROLES } from '../../../server/auth/permissions';
import { viewRequires, VIEWS } from '../../../client/src/lib/views';

const admin: SessionUser = { username: 'ada', role: 'admin', countries: [] };
const editor: SessionUser = { username: 'eddie', role: 'editor', countries: [] };
const viewer: SessionUser = { username: 'vera', role: 'viewer', countries: [] };
const ncp: SessionUser = { username: 'se-ncp', role: 'ncp', countries: ['SE', 'FI'] };

describe('can: what each role may do', () => {
  test('when the user is a viewer, then nothing that changes data, the history or accounts is allowed', () => {
    for (const action of ACTIONS) expect([action, can(viewer, action, 'SE')]).toEqual([action, false]);
  });

  test('when the user is an editor, then editing, import, rounds and history are allowed anywhere, but not accounts or the catalogue', () => {
    expect(['edit', 'import', 'rounds', 'history'].every((a) => can(editor, a as never, 'NO'))).toBe(true);
    expect(can(editor, 'rounds', REGION)).toBe(true);
    expect(can(editor, 'accounts')).toBe(false);
    expect(can(editor, 'catalogue')).toBe(false);
  });

  test('when the user is an admin, then every action is allowed, region rounds included', () => {
    for (const action of ACTIONS) expect([action, can(admin, action, 'NO')]).toEqual([action, true]);
    expect(can(admin, 'rounds', REGION)).toBe(true);
  });

  test('when the user is an NCP, then edit, import and rounds are allowed for its own countries only, and never for the region', () => {
    expect(can(ncp, 'edit', 'SE')).toBe(true);
    expect(can(ncp, 'edit', 'fi')).toBe(true);
    expect(can(ncp, 'edit', 'NO')).toBe(false);
    expect(can(ncp, 'import', 'NO')).toBe(false);
    expect(can(ncp, 'rounds', 'SE')).toBe(true);
    expect(can(ncp, 'rounds', REGION)).toBe(false);
    // Left out, the country means "somewhere": an NCP with countries is offered the action.
    expect(can(ncp, 'edit')).toBe(true);
    expect(can({ ...ncp, countries: [] }, 'edit')).toBe(false);
    expect(can(ncp, 'history')).toBe(true);
    expect(can(ncp, 'accounts')).toBe(false);
  });

  test('when nobody is signed in, then nothing is allowed', () => {
    expect(can(null, 'edit', 'SE')).toBe(false);
    expect(can(undefined, 'history')).toBe(false);
  });

  test('when the client and server rules are compared role by role, then the client allows exactly the roles the server lets through', () => {
    const serverRule = {
      edit: 'edit',
      import: 'import',
      rounds: 'rounds',
      history: 'audit',
      catalogue: 'catalogue',
      accounts: 'admin',
    } as const;
    for (const action of ACTIONS) {
      for (const user of [admin, editor, ncp, viewer]) {
        expect([action, user.role, can(user, action, 'SE')]).toEqual([
          action,
          user.role,
          RULE_ROLES[serverRule[action]].includes(user.role),
        ]);
      }
    }
  });
});

describe('canEditItem: items that belong to countries', () => {
  test('when a flow has one end in an NCP country, then the NCP may change it; with neither end, it may not', () => {
    expect(canEditItem(ncp, ['NO', 'SE'])).toBe(true);
    expect(canEditItem(ncp, ['NO', 'DK'])).toBe(false);
    expect(canEditItem(ncp, [undefined, 'FI'])).toBe(true);
    expect(canEditItem(editor, ['NO', 'DK'])).toBe(true);
    expect(canEditItem(viewer, ['SE'])).toBe(false);
  });
});

describe('readOnlyReason: the line that says why', () => {
  const names = new Map([
    ['SE', 'Sweden'],
    ['FI', 'Finland'],
    ['NO', 'Norway'],
  ]);

  test('when an NCP looks at another country, then the line names its own countries and the one shown', () => {
    expect(readOnlyReason(ncp, 'edit', 'NO', names)).toBe(
      'Read-only for you: as the NCP for Sweden, Finland you can change maps only for your own countries, not for Norway.',
    );
    expect(readOnlyReason(ncp, 'rounds', REGION, names)).toContain(
      'the rounds of your own countries, not for the whole region',
    );
  });

  test('when the user may act, then there is no line; for a viewer the line says the account reads only', () => {
    expect(readOnlyReason(ncp, 'edit', 'SE', names)).toBeNull();
    expect(readOnlyReason(editor, 'import', 'NO', names)).toBeNull();
    expect(readOnlyReason(viewer, 'import', 'NO', names)).toBe(
      'Read-only: your account (viewer) can read every map but not import files.',
    );
  });
});

describe('views a role is offered', () => {
  test('when views are listed, then History needs the history right and Accounts the accounts right; the rest need none', () => {
    expect(viewRequires('history')).toBe('history');
    expect(viewRequires('accounts')).toBe('accounts');
    const free = VIEWS.map((v) => v.id).filter((id) => viewRequires(id) === undefined);
    expect(free).toEqual([
      'map',
      'gaps',
      'bottlenecks',
      'plan',
      'ncp',
      'compare',
      'evidence',
      'rounds',
      'reports',
      'data',
    ]);
    const offered = (user: SessionUser) =>
      VIEWS.filter((v) => {
        const r = viewRequires(v.id);
        return r === undefined || can(user, r);
      }).map((v) => v.id);
    expect(offered(viewer)).not.toContain('history');
    expect(offered(ncp)).toContain('history');
    expect(offered(ncp)).not.toContain('accounts');
    expect(offered(admin)).toContain('accounts');
  });
});
