import { pageMeta } from './page-meta.js';

describe('pageMeta', () => {
  const path = '/v1/Account/MA1/Verify/Session/';

  it('links both ways and keeps filters', () => {
    expect(pageMeta(path, { status: 'verified', limit: 2, offset: 2 }, 2, 2, 5)).toEqual({
      limit: 2,
      offset: 2,
      next: `${path}?status=verified&limit=2&offset=4`,
      previous: `${path}?status=verified&limit=2&offset=0`,
      total_count: 5,
    });
  });

  it('has no links on a single page', () => {
    expect(pageMeta(path, {}, 20, 0, 3)).toMatchObject({ next: null, previous: null });
  });
});
