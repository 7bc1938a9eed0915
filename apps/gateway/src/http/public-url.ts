import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { allowPrivateNetworks, assertPublicUrl, UnsafeUrlError } from '@signet/net-guard';

/** `CALLBACKS_ALLOW_PRIVATE_NETWORKS`: the same switch the workers check again at connect time. */
const allowPrivate = allowPrivateNetworks();

/**
 * A URL Signet will call on the customer's behalf (a session's status callback `url`, a SIP application's
 * `answer_url`) must be http(s) on a public address (libs/net-guard); checked before anything is stored, so a
 * refused one is a 400 naming the field and `code`.
 */
export async function assertCallableUrl(field: string, url: string | undefined, code: string = CommonErrors.VALIDATION_FAILED): Promise<void> {
  if (!url) return;
  try {
    await assertPublicUrl(url, { allowPrivate });
  } catch (err) {
    if (err instanceof UnsafeUrlError) throw new DomainError(code, `${field}: ${err.message}`);
    throw err;
  }
}
