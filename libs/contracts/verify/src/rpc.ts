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
import { geoPermissionGetRequest, geoPermissionSetRequest, geoPermissionView, summaryRequest, summaryView } from './abuse.messages.js';
import { attemptRef, attemptView } from './attempt.messages.js';
import { answerRequest, answerResult, receiptRequest, receiptResult } from './receipt.messages.js';
import { senderCreateRequest, senderListRequest, senderListResult, senderRef, senderUpdateRequest, senderView } from './sender.messages.js';
import { VerifySubjects as S } from './subjects.js';
import { templateListRequest, templateListResult, templateRef, templateSetRequest, templateView } from './template.messages.js';

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
  [S.senderCreate]: { request: senderCreateRequest, response: senderView },
  [S.senderList]: { request: senderListRequest, response: senderListResult },
  [S.senderGet]: { request: senderRef, response: senderView },
  [S.senderUpdate]: { request: senderUpdateRequest, response: senderView },
  [S.senderDelete]: { request: senderRef, response: deletedReply },
  [S.attemptGet]: { request: attemptRef, response: attemptView },
  [S.receiptApply]: { request: receiptRequest, response: receiptResult },
  [S.receiptAnswer]: { request: answerRequest, response: answerResult },
  [S.templateSet]: { request: templateSetRequest, response: templateView },
  [S.templateList]: { request: templateListRequest, response: templateListResult },
  [S.templateDelete]: { request: templateRef, response: deletedReply },
  [S.geoPermissionGet]: { request: geoPermissionGetRequest, response: geoPermissionView },
  [S.geoPermissionSet]: { request: geoPermissionSetRequest, response: geoPermissionView },
  [S.summaryGet]: { request: summaryRequest, response: summaryView },
} as const;
