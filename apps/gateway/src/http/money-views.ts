import { formatMoney } from '@signet/contracts/common';
import type { AdminAccountView, AccountView } from '@signet/contracts/identity';
import type { SessionView } from '@signet/contracts/verify';

/** The edge: micro-units from the services become Plivo's decimal strings ("0.08000") here and nowhere else. */

export function renderAccount({ cash_credits_micros, ...rest }: AccountView) {
  return { ...rest, cash_credits: formatMoney(cash_credits_micros) };
}

export function renderAdminAccount({ cash_credits_micros, ...rest }: AdminAccountView) {
  return { ...rest, cash_credits: formatMoney(cash_credits_micros) };
}

export function renderSession({ charges, ...rest }: SessionView) {
  return {
    ...rest,
    charges: {
      total_charge: formatMoney(charges.total_charge_micros),
      validation_charge: formatMoney(charges.validation_charge_micros),
      attempt_charges: charges.attempt_charges.map(({ charge_micros, ...a }) => ({ ...a, charge: formatMoney(charge_micros) })),
    },
  };
}
