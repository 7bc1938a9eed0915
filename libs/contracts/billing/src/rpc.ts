import { alertHistoryRequest, alertHistoryResult, alertSettingsGetRequest, alertSettingsSetRequest, alertSettingsView } from './alert.messages.js';
import {
  balanceGetRequest,
  balancesResult,
  chargeAttemptRequest,
  chargeReleaseRequest,
  chargeResult,
  chargeValidationRequest,
  closureRequest,
  closureView,
  creditAddRequest,
  ledgerEntryView,
  releasedReply,
  sessionChargesRequest,
  sessionChargesResult,
  usageRequest,
  usageResult,
} from './ledger.messages.js';
import { priceListRequest, priceListResult, priceView, pricingGetRequest, pricingSetRequest } from './pricing.messages.js';
import { BillingSubjects as S } from './subjects.js';

/** Each billing-alerts subject bound to its request and response schema (see `Rpc` in @signet/contracts/catalog). */
export const BillingRpc = {
  [S.pricingGet]: { request: pricingGetRequest, response: priceView },
  [S.pricingList]: { request: priceListRequest, response: priceListResult },
  [S.pricingSet]: { request: pricingSetRequest, response: priceView },
  [S.chargeAttempt]: { request: chargeAttemptRequest, response: chargeResult },
  [S.chargeRelease]: { request: chargeReleaseRequest, response: releasedReply },
  [S.chargeValidation]: { request: chargeValidationRequest, response: chargeResult },
  [S.sessionCharges]: { request: sessionChargesRequest, response: sessionChargesResult },
  [S.balanceGet]: { request: balanceGetRequest, response: balancesResult },
  [S.creditAdd]: { request: creditAddRequest, response: ledgerEntryView },
  [S.usageGet]: { request: usageRequest, response: usageResult },
  [S.alertsGet]: { request: alertSettingsGetRequest, response: alertSettingsView },
  [S.alertsSet]: { request: alertSettingsSetRequest, response: alertSettingsView },
  [S.alertsHistory]: { request: alertHistoryRequest, response: alertHistoryResult },
  [S.closureGet]: { request: closureRequest, response: closureView },
} as const;
