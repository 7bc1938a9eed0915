import { newAuthToken, newMainAuthId, newSubaccountAuthId } from './account-ids.js';

describe('account ids', () => {
  it('match the shapes the Plivo SDKs accept', () => {
    for (let i = 0; i < 50; i++) {
      expect(newMainAuthId()).toMatch(/^MA[A-Z0-9]{18}$/);
      expect(newSubaccountAuthId()).toMatch(/^SA[A-Z0-9]{18}$/);
      expect(newAuthToken()).toMatch(/^[A-Za-z0-9]{40}$/);
    }
    expect(newAuthToken()).not.toBe(newAuthToken());
  });
});
