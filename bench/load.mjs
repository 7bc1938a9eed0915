// Autocannon loads shaped like ../shared/bench-baseline's, so Signet and the baseline are driven the same way.
import autocannon from 'autocannon';

const summary = (target, r) => ({
  target,
  rps: Math.round(r.requests.average),
  requests: r.requests.total,
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

const basic = (authId, token) => 'Basic ' + Buffer.from(`${authId}:${token}`).toString('base64');

const AREAS = ['650', '415', '212', '310', '312', '617', '202', '305', '206', '512'];
/**
 * The n-th fresh US recipient: consecutive ones fall in different number ranges (10 000-number blocks; 10 000 of
 * them), so a create load is ordinary traffic to Fraud Shield, not a pumping burst to one range.
 */
export const spreadRecipient = (n) => `+1${AREAS[n % AREAS.length]}${String((Math.floor(n / AREAS.length) * 10007) % 1e7).padStart(7, '0')}`;

/** POST …/Verify/Session/ with a fresh recipient per request. */
export async function createLoad(url, authId, token, seconds, connections) {
  let n = Math.floor(Math.random() * 1e6);
  const r = await autocannon({
    url: `${url}/v1/Account/${authId}/Verify/Session/`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: basic(authId, token), 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ recipient: spreadRecipient(n++) }) }) }],
  });
  return summary(url, r);
}

/** POST …/Verify/Session/{uuid}/ with a wrong code over a pool of open sessions: lookup, compare, update. */
export async function validateLoad(url, authId, token, uuids, seconds, connections) {
  let i = 0;
  const base = `/v1/Account/${authId}/Verify/Session/`;
  const r = await autocannon({
    url: `${url}${base}`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: basic(authId, token), 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, path: `${base}${uuids[i++ % uuids.length]}/`, body: '{"otp":"000000"}' }) }],
  });
  return { ...summary(url, r), statuses: r.statusCodeStats };
}

/** Opens `count` sessions (in parallel batches) and returns their uuids. */
export async function openSessions(url, authId, token, count, recipientPrefix) {
  const uuids = [];
  const auth = basic(authId, token);
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        fetch(`${url}/v1/Account/${authId}/Verify/Session/`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ recipient: `${recipientPrefix}${String(((i + j) * 10007) % 1e7).padStart(7, '0')}` }),
        }).then((res) => res.json()),
      ),
    );
    uuids.push(...batch.map((b) => b.session_uuid));
  }
  return uuids;
}
