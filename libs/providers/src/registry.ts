import type { DeliveryProvider } from './delivery-provider.js';
import { DEFAULT_TIMEOUTS, ProviderHttp, type HttpTimeouts } from './http.js';
import { PlivoProvider, type PlivoCredentials } from './plivo/plivo.provider.js';
import { TwilioProvider, type TwilioCredentials } from './twilio/twilio.provider.js';
import { VonageProvider, type VonageCredentials } from './vonage/vonage.provider.js';

export type VendorName = 'twilio' | 'plivo' | 'vonage';
export const VENDORS: readonly VendorName[] = ['twilio', 'plivo', 'vonage'];

export interface VendorCredentials {
  twilio: TwilioCredentials;
  plivo: PlivoCredentials;
  vonage: VonageCredentials;
}

/** Where each vendor lives (tests and benchmarks point these at the local fakes). */
export interface VendorUrls {
  twilioApiUrl: string;
  plivoApiUrl: string;
  vonageRestUrl: string;
  vonageApiUrl: string;
}

export const VENDOR_DEFAULT_URLS: VendorUrls = {
  twilioApiUrl: 'https://api.twilio.com',
  plivoApiUrl: 'https://api.plivo.com',
  vonageRestUrl: 'https://rest.nexmo.com',
  vonageApiUrl: 'https://api.nexmo.com',
};

/**
 * Builds a sender's adapter from its vendor name and credentials; every adapter of a process shares one pooled
 * HTTP agent. A vendor is one file under `src/<vendor>/`, added here.
 */
export class ProviderRegistry {
  readonly http: ProviderHttp;

  constructor(
    readonly urls: VendorUrls = VENDOR_DEFAULT_URLS,
    timeouts: HttpTimeouts = DEFAULT_TIMEOUTS,
  ) {
    this.http = new ProviderHttp(timeouts);
  }

  create<V extends VendorName>(vendor: V, creds: VendorCredentials[V]): DeliveryProvider {
    switch (vendor) {
      case 'twilio':
        return new TwilioProvider(creds as TwilioCredentials, this.http, this.urls.twilioApiUrl);
      case 'plivo':
        return new PlivoProvider(creds as PlivoCredentials, this.http, this.urls.plivoApiUrl);
      case 'vonage':
        return new VonageProvider(creds as VonageCredentials, this.http, this.urls.vonageRestUrl, this.urls.vonageApiUrl);
      default:
        throw new Error(`unknown provider ${String(vendor)}`);
    }
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Nest calls this at shutdown when the registry is a provider. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
