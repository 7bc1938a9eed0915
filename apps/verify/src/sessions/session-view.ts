import type { SessionChargesResult } from '@signet/contracts/billing';
import type { SessionView } from '@signet/contracts/verify';
import type { SessionRow } from './sessions.repository.js';

/**
 * Plivo's session object; `charges` and `attempt_details` are always present (the Node SDK needs them). Charges are
 * billing's ledger figures in micro-units (net of refunds), summed as bigint: the gateway renders them.
 */
export function toSessionView(row: SessionRow, money: SessionChargesResult): SessionView {
  const charges = row.attempts.map((a) => ({ attempt_uuid: a.attempt_uuid, channel: a.channel, charge_micros: money.attempts[a.attempt_uuid] ?? '0' }));
  const validation = BigInt(money.validations[row.uuid] ?? '0');
  const total = charges.reduce((sum, c) => sum + BigInt(c.charge_micros), validation);
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
      total_charge_micros: total.toString(),
      validation_charge_micros: validation.toString(),
      attempt_charges: charges,
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
