import { deletedReply } from '@signet/contracts/common';
import { appCreateRequest, appListRequest, appListResult, appRef, appUpdateRequest, verifyAppView } from './app.messages.js';
import { outboxListRequest, outboxListResult } from './outbox.messages.js';
import {
  sessionCreateRequest,
  sessionCreateResult,
  sessionListRequest,
  sessionListResult,
  sessionRef,
  sessionValidateRequest,
  sessionValidateResult,
  sessionView,
} from './session.messages.js';
import { VerifySubjects as S } from './subjects.js';

/** Each verify subject bound to its request and response schema (see `Rpc` in @signet/contracts/catalog). */
export const VerifyRpc = {
  [S.sessionCreate]: { request: sessionCreateRequest, response: sessionCreateResult },
  [S.sessionGet]: { request: sessionRef, response: sessionView },
  [S.sessionList]: { request: sessionListRequest, response: sessionListResult },
  [S.sessionValidate]: { request: sessionValidateRequest, response: sessionValidateResult },
  [S.appCreate]: { request: appCreateRequest, response: verifyAppView },
  [S.appList]: { request: appListRequest, response: appListResult },
  [S.appGet]: { request: appRef, response: verifyAppView },
  [S.appUpdate]: { request: appUpdateRequest, response: verifyAppView },
  [S.appDelete]: { request: appRef, response: deletedReply },
  [S.outboxList]: { request: outboxListRequest, response: outboxListResult },
} as const;
