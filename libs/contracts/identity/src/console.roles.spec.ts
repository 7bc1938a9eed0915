import { CONSOLE_PERMISSIONS, roleAllows } from './console.roles.js';

describe("console role permissions (the seeds' table)", () => {
  it('gives the owner everything, admin everything but ownership, and the others exactly their share', () => {
    const table = Object.fromEntries(
      (['owner', 'admin', 'developer', 'support', 'finance'] as const).map((role) => [role, CONSOLE_PERMISSIONS.filter((p) => roleAllows(role, p))]),
    );
    expect(table).toEqual({
      owner: [...CONSOLE_PERMISSIONS],
      admin: CONSOLE_PERMISSIONS.filter((p) => p !== 'ownership'),
      developer: ['profile', 'credentials.manage', 'apps.manage', 'logs.read'],
      support: ['profile', 'logs.read'],
      finance: ['profile', 'billing.read'],
    });
  });
});
