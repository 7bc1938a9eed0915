import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { natsSubject } from '@signet/nats';
import { type CredentialsChanged, IdentityNotices } from '@signet/contracts/identity';
import { IDENTITY_NATS } from './identity-nats.js';

const FLUSH_WAIT_MS = 500;

/**
 * Tells every gateway replica to forget cached credentials of an account (and of its subaccounts, for a main
 * account) after a commit that changes who may call: a rotated token, a suspension, a closure, a disabled or
 * deleted subaccount, a changed IP whitelist.
 */
@Injectable()
export class CredentialsNotifier {
  constructor(@Inject(IDENTITY_NATS) private readonly nc: NatsConnection) {}

  /**
   * Resolves once the NATS server has the notice, so it reaches every gateway ahead of the reply to the request
   * that caused it: the gateway that answers the caller has already forgotten the old credentials.
   */
  async changed(authId: string): Promise<void> {
    const notice: CredentialsChanged = { auth_id: authId };
    this.nc.publish(natsSubject(IdentityNotices.credentialsChanged), JSON.stringify(notice));
    // The change is committed either way; a NATS hiccup must not hold the reply (gateways clear their cache on reconnect).
    await Promise.race([this.nc.flush().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS).unref())]);
  }
}
