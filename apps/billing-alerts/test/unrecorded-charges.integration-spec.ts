import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertsQueue } from '../src/alerts/alerts.queue.js';
import { loadBillingConfig, type BillingConfig } from '../src/config/billing.config.js';
import { LedgerRepository } from '../src/ledger/ledger.repository.js';
import { LedgerService } from '../src/ledger/ledger.service.js';
import { RecordedAttemptsRepository } from '../src/unrecorded/recorded-attempts.repository.js';
import { UnrecordedChargesSweeper } from '../src/unrecorded/unrecorded-charges.sweeper.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The charge of an attempt that never came to exist is refunded once its delay has passed, once; the charges of
// recorded attempts, and of unrecorded ones still within the delay, stay.
describe('unrecorded attempt charges', () => {
  let ds: DataSource;
  let alerts: AlertsQueue;
  let ledger: LedgerService;
  let recorded: RecordedAttemptsRepository;
  const config: BillingConfig = { ...loadBillingConfig(), BILLING_UNRECORDED_REFUND_AFTER_S: 1 };
  const authId = `MAUNREC${randomUUID().replace(/-/g, '').slice(0, 13).toUpperCase()}`;
  const caller = { auth_id: authId, main_auth_id: authId, is_subaccount: false };
  const balance = async () => BigInt((await ds.query('SELECT balance_micros::text AS b FROM billing.accounts WHERE auth_id = $1', [authId]))[0].b);
  const refunds = async () =>
    (await ds.query(`SELECT attempt_uuid, reference FROM billing.ledger WHERE auth_id = $1 AND kind = 'refund' ORDER BY created_at`, [authId])) as {
      attempt_uuid: string;
      reference: string;
    }[];
  const charge = async (attempt_uuid: string) =>
    BigInt((await ledger.chargeAttempt({ caller, attempt_uuid, country_iso: 'US', channel: 'sms' })).charge_micros);

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    alerts = new AlertsQueue(config);
    ledger = new LedgerService(new LedgerRepository(ds), alerts, config);
    recorded = new RecordedAttemptsRepository(ds);
    await ledger.credit({ auth_id: authId, body: { amount: '1000000', reference: 'test credit', trial: false } });
  });
  afterAll(async () => {
    await alerts.onApplicationShutdown();
    await ds.destroy();
  });

  it('refunds, once, a charge no attempt event confirmed within the delay; keeps recorded ones and recent ones', async () => {
    const sweeper = new UnrecordedChargesSweeper(recorded, ledger, config);
    const [orphan, kept, late] = [randomUUID(), randomUUID(), randomUUID()];
    const price = await charge(orphan);
    await charge(kept);
    await recorded.markRecorded(kept);
    expect(await sweeper.sweep()).toBe(0); // within the delay
    expect(await refunds()).toEqual([]);

    await sleep(1500);
    await charge(late); // taken after the first two passed their delay: still within its own
    const before = await balance();
    expect(await sweeper.sweep()).toBe(1);
    expect(await refunds()).toEqual([{ attempt_uuid: orphan, reference: 'attempt never recorded' }]);
    expect(await balance()).toBe(before + price);

    // The next pass, or another replica's: nothing twice.
    expect(await new UnrecordedChargesSweeper(recorded, ledger, config).sweep()).toBe(0);
    expect(await sweeper.sweep()).toBe(0);

    // The late one's delay passes with no event: it goes back too; the recorded one never does.
    await sleep(1500);
    expect(await sweeper.sweep()).toBe(1);
    expect((await refunds()).map((r) => r.attempt_uuid)).toEqual([orphan, late]);
  });
});
