import type { SessionView } from '@signet/contracts/verify';
import type { SessionRow } from './sessions.repository.js';

const money = (n: number): string => n.toFixed(5);

/** Plivo's session object; `charges` and `attempt_details` are always present (the Node SDK needs them). */
export function toSessionView(row: SessionRow): SessionView {
  const charges = row.attempts.map((a) => ({ attempt_uuid: a.attempt_uuid, channel: a.channel, charge: money(Number(a.charge)) }));
  return {
    session_uuid: row.uuid,
    app_uuid: row.app_uuid,
    alias: row.alias,
    recipient: row.recipient,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    count: row.count,
    requestor_ip: row.requestor_ip,
    destination_country_iso2: row.country_iso2,
    destination_network: row.network,
    attempt_details: row.attempts.map(({ channel, attempt_uuid, status, time }) => ({ channel, attempt_uuid, status, time })),
    charges: {
      total_charge: money(row.attempts.reduce((sum, a) => sum + Number(a.charge), 0)),
      validation_charge: money(0),
      attempt_charges: charges,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
