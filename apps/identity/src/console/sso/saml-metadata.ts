import { DOMParser } from '@xmldom/xmldom';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export interface IdpMetadata {
  entityId: string | null;
  entryPoint: string;
  /** PEM signing certificates. */
  certs: string[];
}

const invalid = (why: string) => new DomainError(IdentityErrors.SSO_INVALID, `metadata: ${why}`);

/** The parts of an IdP's SAML metadata a service provider needs: its SSO URL (HTTP-Redirect) and signing certificates. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc?.documentElement) throw invalid('not well-formed XML');
  const idp = doc.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0];
  if (!idp) throw invalid('no IDPSSODescriptor: this is not an identity provider');
  const services = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService'));
  const sso = services.find((s) => s.getAttribute('Binding') === REDIRECT);
  const entryPoint = sso?.getAttribute('Location');
  if (!entryPoint || !/^https?:\/\//.test(entryPoint)) throw invalid('no SingleSignOnService with the HTTP-Redirect binding');
  const certs = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing')
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DS, 'X509Certificate')))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean)
    .map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`);
  if (certs.length === 0) throw invalid('no signing certificate (KeyDescriptor/X509Certificate)');
  const entity = doc.getElementsByTagNameNS(MD, 'EntityDescriptor')[0];
  return { entityId: entity?.getAttribute('entityID') ?? null, entryPoint, certs };
}

/** Fetches metadata from a URL (5 s, no redirects, 1 MB at most). */
export async function fetchMetadata(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'error' });
  } catch (err) {
    throw invalid(`could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw invalid(`${url} answered ${res.status}`);
  const text = await res.text();
  if (text.length > 1_000_000) throw invalid('larger than 1 MB');
  return text;
}
