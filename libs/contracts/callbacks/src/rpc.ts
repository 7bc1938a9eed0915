import {
  callbackListRequest,
  callbackListResult,
  callbackRetryFailedRequest,
  callbackRetryFailedResult,
  callbackRetryRequest,
  callbackRetryResult,
} from './messages.js';
import { CallbackSubjects as S } from './subjects.js';

/** Each callback-dispatcher subject bound to its request and response schema (see `Rpc` in @signet/contracts/catalog). */
export const CallbacksRpc = {
  [S.list]: { request: callbackListRequest, response: callbackListResult },
  [S.retry]: { request: callbackRetryRequest, response: callbackRetryResult },
  [S.retryFailed]: { request: callbackRetryFailedRequest, response: callbackRetryFailedResult },
} as const;
