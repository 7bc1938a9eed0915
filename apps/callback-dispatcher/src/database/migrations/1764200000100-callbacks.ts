import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per status callback (its uuid is the verify event's id) with the exact fields it sends, and one row per
 * try. `next_try_at` of a pending callback is when its job should run: the sweeper re-adds jobs Redis lost.
 */
export class Callbacks1764200000100 implements MigrationInterface {
  name = 'Callbacks1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE callbacks.callbacks (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        session_uuid uuid NOT NULL,
        event_type text NOT NULL,
        event_time timestamptz NOT NULL,
        stream_seq bigint NOT NULL,
        attempt_uuid uuid,
        url text NOT NULL,
        method text NOT NULL CHECK (method IN ('GET', 'POST')),
        fields jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'gone')),
        -- tries made on the schedule (a replay is one extra try, not counted here)
        tries integer NOT NULL DEFAULT 0,
        replays integer NOT NULL DEFAULT 0,
        next_try_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX callbacks_session ON callbacks.callbacks (session_uuid, event_time);
      CREATE INDEX callbacks_main_status ON callbacks.callbacks (main_account_id, status, created_at);
      CREATE INDEX callbacks_account ON callbacks.callbacks (account_id);
      CREATE INDEX callbacks_due ON callbacks.callbacks (next_try_at) WHERE status = 'pending';
      CREATE TABLE callbacks.tries (
        id bigserial PRIMARY KEY,
        callback_uuid uuid NOT NULL REFERENCES callbacks.callbacks (uuid) ON DELETE CASCADE,
        replay boolean NOT NULL DEFAULT false,
        started_at timestamptz NOT NULL,
        latency_ms integer NOT NULL,
        http_status integer,
        error text,
        response text
      );
      CREATE INDEX tries_callback ON callbacks.tries (callback_uuid, id);

      CREATE TABLE "callbacks".processed_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX processed_events_age ON "callbacks".processed_events (processed_at);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE callbacks.processed_events; DROP TABLE callbacks.tries; DROP TABLE callbacks.callbacks;');
  }
}
