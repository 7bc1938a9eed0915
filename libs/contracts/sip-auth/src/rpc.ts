import { deletedReply } from '@signet/contracts/common';
import {
  applicationCreateRequest,
  applicationListRequest,
  applicationListResult,
  applicationRef,
  applicationUpdateRequest,
  applicationView,
} from './application.messages.js';
import {
  credentialCreateRequest,
  credentialListRequest,
  credentialListResult,
  credentialRef,
  credentialUpdateRequest,
  credentialView,
} from './credential.messages.js';
import {
  ipAclCreateRequest,
  ipAclEntryAddRequest,
  ipAclEntryRef,
  ipAclEntryView,
  ipAclListRequest,
  ipAclListResult,
  ipAclRef,
  ipAclUpdateRequest,
  ipAclView,
} from './ip-acl.messages.js';
import { addressCheckRequest, addressCheckResult, digestVerifyRequest, digestVerifyResult } from './proxy.messages.js';
import { SipAuthSubjects as S } from './subjects.js';

/** Each sip-auth subject bound to its request and response schema (see `Rpc` in @signet/contracts/catalog). */
export const SipAuthRpc = {
  [S.credentialCreate]: { request: credentialCreateRequest, response: credentialView },
  [S.credentialGet]: { request: credentialRef, response: credentialView },
  [S.credentialList]: { request: credentialListRequest, response: credentialListResult },
  [S.credentialUpdate]: { request: credentialUpdateRequest, response: credentialView },
  [S.credentialDelete]: { request: credentialRef, response: deletedReply },
  [S.ipAclCreate]: { request: ipAclCreateRequest, response: ipAclView },
  [S.ipAclGet]: { request: ipAclRef, response: ipAclView },
  [S.ipAclList]: { request: ipAclListRequest, response: ipAclListResult },
  [S.ipAclUpdate]: { request: ipAclUpdateRequest, response: ipAclView },
  [S.ipAclDelete]: { request: ipAclRef, response: deletedReply },
  [S.ipAclEntryAdd]: { request: ipAclEntryAddRequest, response: ipAclEntryView },
  [S.ipAclEntryRemove]: { request: ipAclEntryRef, response: deletedReply },
  [S.applicationCreate]: { request: applicationCreateRequest, response: applicationView },
  [S.applicationGet]: { request: applicationRef, response: applicationView },
  [S.applicationList]: { request: applicationListRequest, response: applicationListResult },
  [S.applicationUpdate]: { request: applicationUpdateRequest, response: applicationView },
  [S.applicationDelete]: { request: applicationRef, response: deletedReply },
  [S.digestVerify]: { request: digestVerifyRequest, response: digestVerifyResult },
  [S.addressCheck]: { request: addressCheckRequest, response: addressCheckResult },
} as const;
