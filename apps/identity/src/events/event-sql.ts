import { IdentityEvents } from '@signet/contracts/identity';
import { utc } from '@signet/database';

/**
 * Outbox rows written by the same statement as the change they describe, so an event exists exactly when its
 * change committed. Each is a data-modifying CTE body; the JSON matches `AccountClosed` / `SubaccountDeleted`.
 */
const insert = (type: string, data: string, from: string): string =>
  `INSERT INTO identity.outbox_events (id, subject, payload)
   SELECT ev.id, '${type}', jsonb_build_object('id', ev.id, 'type', '${type}', 'occurred_at', ${utc('now()')}, 'data', ${data})
   FROM ${from}, LATERAL (SELECT gen_random_uuid() AS id) ev`;

/** `m` is the closed main account; `closed` every account the statement closed (it and its subaccounts). */
export const accountClosedInsert = (): string =>
  insert(
    IdentityEvents.accountClosed,
    `jsonb_build_object('auth_id', m.auth_id, 'closed_at', ${utc('now()')},
       'subaccount_auth_ids', (SELECT COALESCE(jsonb_agg(c.auth_id ORDER BY c.auth_id), '[]'::jsonb) FROM closed c WHERE c.parent_auth_id IS NOT NULL))`,
    'm',
  );

/** `s` is the deleted subaccount; `$3` says whether what it owns goes with it. */
export const subaccountDeletedInsert = (): string =>
  insert(
    IdentityEvents.subaccountDeleted,
    `jsonb_build_object('auth_id', s.auth_id, 'main_auth_id', s.parent_auth_id, 'cascade', $3::boolean, 'deleted_at', ${utc('now()')})`,
    's',
  );
