import type { Caller } from '@signet/contracts/common';

/** A timestamptz column as the ISO-8601 UTC text every view and event carries (`2026-01-02T03:04:05.123456Z`). */
export const utc = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A main account sees its own resources and its subaccounts'; a subaccount only its own. */
export const visible = (caller: Caller, param: string, alias = ''): string =>
  caller.is_subaccount ? `${alias}account_id = ${param}` : `${alias}main_account_id = ${param}`;
