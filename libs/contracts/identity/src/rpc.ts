import { changedReply, deletedReply } from '@signet/contracts/common';
import {
  adminAccountCreated,
  adminAccountCreateMessage,
  adminAccountListQuery,
  adminAccountListResult,
  adminAccountRef,
  adminAccountStatus,
  adminAccountView,
} from './admin.messages.js';
import {
  ipWhitelistAddRequest,
  ipWhitelistEntryView,
  ipWhitelistListRequest,
  ipWhitelistRemoveRequest,
  ipWhitelistSetRequest,
  ipWhitelistView,
} from './ip-whitelist.messages.js';
import { z } from 'zod';
import {
  accountGetRequest,
  accountUpdateRequest,
  accountView,
  authenticatedCaller,
  authenticateRequest,
  tokenRotated,
  tokenRotateRequest,
} from './messages.js';
import {
  subaccountCreated,
  subaccountCreateRequest,
  subaccountDeleteRequest,
  subaccountListRequest,
  subaccountListResult,
  subaccountRef,
  subaccountUpdateRequest,
  subaccountView,
} from './subaccount.messages.js';
import { signingTokensRequest, signingTokensResult } from './signing.messages.js';
import { IdentitySubjects as S } from './subjects.js';

/** Each identity subject bound to its request and response schema (see `Rpc` in @signet/contracts/catalog). */
export const IdentityRpc = {
  [S.authenticate]: { request: authenticateRequest, response: authenticatedCaller },
  [S.signingTokensGet]: { request: signingTokensRequest, response: signingTokensResult },
  [S.tokenRotate]: { request: tokenRotateRequest, response: tokenRotated },
  [S.accountGet]: { request: accountGetRequest, response: accountView },
  [S.accountUpdate]: { request: accountUpdateRequest, response: changedReply },
  [S.subaccountCreate]: { request: subaccountCreateRequest, response: subaccountCreated },
  [S.subaccountGet]: { request: subaccountRef, response: subaccountView },
  [S.subaccountList]: { request: subaccountListRequest, response: subaccountListResult },
  [S.subaccountUpdate]: { request: subaccountUpdateRequest, response: changedReply },
  [S.subaccountDelete]: { request: subaccountDeleteRequest, response: deletedReply },
  [S.ipWhitelistList]: { request: ipWhitelistListRequest, response: ipWhitelistView },
  [S.ipWhitelistAdd]: { request: ipWhitelistAddRequest, response: ipWhitelistEntryView },
  [S.ipWhitelistRemove]: { request: ipWhitelistRemoveRequest, response: deletedReply },
  [S.ipWhitelistSet]: { request: ipWhitelistSetRequest, response: z.strictObject({ enabled: z.boolean() }) },
  [S.adminAccountCreate]: { request: adminAccountCreateMessage, response: adminAccountCreated },
  [S.adminAccountList]: { request: adminAccountListQuery, response: adminAccountListResult },
  [S.adminAccountGet]: { request: adminAccountRef, response: adminAccountView },
  [S.adminAccountSuspend]: { request: adminAccountRef, response: adminAccountStatus('suspended') },
  [S.adminAccountReactivate]: { request: adminAccountRef, response: adminAccountStatus('active') },
  [S.adminAccountClose]: { request: adminAccountRef, response: adminAccountStatus('closed') },
} as const;
