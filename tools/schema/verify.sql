--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: verify; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA verify;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: app_templates; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.app_templates (
    app_uuid uuid NOT NULL,
    locale text NOT NULL,
    text text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: apps; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.apps (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    name text NOT NULL,
    brand_name text NOT NULL,
    otp_length integer NOT NULL,
    otp_expiry integer NOT NULL,
    otp_attempts integer NOT NULL,
    max_validation_attempts integer NOT NULL,
    sms_channel boolean NOT NULL,
    voice_channel boolean NOT NULL,
    template text NOT NULL,
    template_uuid text,
    is_default boolean DEFAULT false NOT NULL,
    enable_fraudshield boolean DEFAULT true NOT NULL,
    fs_protection_level text DEFAULT 'medium'::text NOT NULL,
    customer_app_hash text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sender_uuids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    rate_limits jsonb DEFAULT '{}'::jsonb NOT NULL,
    workflow jsonb
);

--
-- Name: attempt_tries; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.attempt_tries (
    attempt_uuid uuid NOT NULL,
    seq integer NOT NULL,
    sender_uuid uuid,
    provider text NOT NULL,
    from_number text,
    provider_ref text,
    outcome text NOT NULL,
    error text,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT attempt_tries_outcome_check CHECK ((outcome = ANY (ARRAY['sending'::text, 'accepted'::text, 'refused'::text, 'skipped'::text, 'unconfirmed'::text])))
);

--
-- Name: attempts; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.attempts (
    uuid uuid NOT NULL,
    session_uuid uuid NOT NULL,
    sequence integer NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    error_code text,
    provider text,
    provider_ref text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sender_uuid uuid
);

--
-- Name: dev_outbox; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.dev_outbox (
    attempt_uuid uuid NOT NULL,
    session_uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    recipient text NOT NULL,
    channel text NOT NULL,
    text text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: geo_permissions; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.geo_permissions (
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    sms text[],
    voice text[],
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: geo_refusals; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.geo_refusals (
    id bigint NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    app_uuid uuid NOT NULL,
    channel text NOT NULL,
    country_iso2 text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: geo_refusals_id_seq; Type: SEQUENCE; Schema: verify; Owner: -
--

ALTER TABLE verify.geo_refusals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME verify.geo_refusals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: migrations; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: verify; Owner: -
--

CREATE SEQUENCE verify.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: verify; Owner: -
--

ALTER SEQUENCE verify.migrations_id_seq OWNED BY verify.migrations.id;

--
-- Name: outbox_events; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.outbox_events (
    seq bigint NOT NULL,
    id uuid NOT NULL,
    subject text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone
);

--
-- Name: outbox_events_seq_seq; Type: SEQUENCE; Schema: verify; Owner: -
--

CREATE SEQUENCE verify.outbox_events_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: outbox_events_seq_seq; Type: SEQUENCE OWNED BY; Schema: verify; Owner: -
--

ALTER SEQUENCE verify.outbox_events_seq_seq OWNED BY verify.outbox_events.seq;

--
-- Name: processed_events; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.processed_events (
    id uuid NOT NULL,
    type text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: senders; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.senders (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    name text NOT NULL,
    provider text NOT NULL,
    channels text[] NOT NULL,
    public_id text NOT NULL,
    secret_hint text NOT NULL,
    credentials_sealed bytea NOT NULL,
    numbers jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT senders_provider_check CHECK ((provider = ANY (ARRAY['twilio'::text, 'plivo'::text, 'vonage'::text])))
);

--
-- Name: sessions; Type: TABLE; Schema: verify; Owner: -
--

CREATE TABLE verify.sessions (
    uuid uuid NOT NULL,
    app_uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    alias text NOT NULL,
    recipient text NOT NULL,
    channel text NOT NULL,
    locale text NOT NULL,
    brand_name text NOT NULL,
    app_hash text,
    template text NOT NULL,
    code_length integer NOT NULL,
    status text NOT NULL,
    otp_hash bytea NOT NULL,
    otp_sealed bytea,
    tries integer DEFAULT 0 NOT NULL,
    max_tries integer NOT NULL,
    count integer DEFAULT 1 NOT NULL,
    max_attempts integer NOT NULL,
    callback_url text,
    callback_method text DEFAULT 'POST'::text NOT NULL,
    requestor_ip text,
    country_iso2 text,
    network text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    dtmf boolean DEFAULT false NOT NULL,
    CONSTRAINT sessions_status_check CHECK ((status = ANY (ARRAY['in-progress'::text, 'verified'::text, 'expired'::text])))
);

--
-- Name: migrations id; Type: DEFAULT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.migrations ALTER COLUMN id SET DEFAULT nextval('verify.migrations_id_seq'::regclass);

--
-- Name: outbox_events seq; Type: DEFAULT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.outbox_events ALTER COLUMN seq SET DEFAULT nextval('verify.outbox_events_seq_seq'::regclass);

--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);

--
-- Name: app_templates app_templates_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.app_templates
    ADD CONSTRAINT app_templates_pkey PRIMARY KEY (app_uuid, locale);

--
-- Name: apps apps_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.apps
    ADD CONSTRAINT apps_pkey PRIMARY KEY (uuid);

--
-- Name: attempt_tries attempt_tries_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.attempt_tries
    ADD CONSTRAINT attempt_tries_pkey PRIMARY KEY (attempt_uuid, seq);

--
-- Name: attempts attempts_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.attempts
    ADD CONSTRAINT attempts_pkey PRIMARY KEY (uuid);

--
-- Name: dev_outbox dev_outbox_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.dev_outbox
    ADD CONSTRAINT dev_outbox_pkey PRIMARY KEY (attempt_uuid);

--
-- Name: geo_permissions geo_permissions_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.geo_permissions
    ADD CONSTRAINT geo_permissions_pkey PRIMARY KEY (account_id);

--
-- Name: geo_refusals geo_refusals_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.geo_refusals
    ADD CONSTRAINT geo_refusals_pkey PRIMARY KEY (id);

--
-- Name: outbox_events outbox_events_id_key; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.outbox_events
    ADD CONSTRAINT outbox_events_id_key UNIQUE (id);

--
-- Name: outbox_events outbox_events_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.outbox_events
    ADD CONSTRAINT outbox_events_pkey PRIMARY KEY (seq);

--
-- Name: processed_events processed_events_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.processed_events
    ADD CONSTRAINT processed_events_pkey PRIMARY KEY (id);

--
-- Name: senders senders_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.senders
    ADD CONSTRAINT senders_pkey PRIMARY KEY (uuid);

--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (uuid);

--
-- Name: apps_main; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX apps_main ON verify.apps USING btree (main_account_id, created_at DESC);

--
-- Name: apps_one_default; Type: INDEX; Schema: verify; Owner: -
--

CREATE UNIQUE INDEX apps_one_default ON verify.apps USING btree (account_id) WHERE is_default;

--
-- Name: apps_senders; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX apps_senders ON verify.apps USING gin (sender_uuids);

--
-- Name: attempt_tries_one_claim; Type: INDEX; Schema: verify; Owner: -
--

CREATE UNIQUE INDEX attempt_tries_one_claim ON verify.attempt_tries USING btree (attempt_uuid) WHERE (outcome = ANY (ARRAY['sending'::text, 'accepted'::text]));

--
-- Name: attempts_provider_ref; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX attempts_provider_ref ON verify.attempts USING btree (provider, provider_ref) WHERE (provider_ref IS NOT NULL);

--
-- Name: attempts_queued; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX attempts_queued ON verify.attempts USING btree (created_at) WHERE (status = 'queued'::text);

--
-- Name: attempts_session; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX attempts_session ON verify.attempts USING btree (session_uuid, sequence);

--
-- Name: dev_outbox_account; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX dev_outbox_account ON verify.dev_outbox USING btree (account_id, created_at DESC);

--
-- Name: dev_outbox_main; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX dev_outbox_main ON verify.dev_outbox USING btree (main_account_id);

--
-- Name: dev_outbox_session; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX dev_outbox_session ON verify.dev_outbox USING btree (session_uuid);

--
-- Name: geo_refusals_main_time; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX geo_refusals_main_time ON verify.geo_refusals USING btree (main_account_id, created_at);

--
-- Name: outbox_events_unpublished; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX outbox_events_unpublished ON verify.outbox_events USING btree (seq) WHERE (published_at IS NULL);

--
-- Name: processed_events_age; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX processed_events_age ON verify.processed_events USING btree (processed_at);

--
-- Name: senders_main; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX senders_main ON verify.senders USING btree (main_account_id, created_at DESC);

--
-- Name: sessions_account_time; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX sessions_account_time ON verify.sessions USING btree (account_id, created_at DESC);

--
-- Name: sessions_expiring; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX sessions_expiring ON verify.sessions USING btree (expires_at) WHERE (status = 'in-progress'::text);

--
-- Name: sessions_main_time; Type: INDEX; Schema: verify; Owner: -
--

CREATE INDEX sessions_main_time ON verify.sessions USING btree (main_account_id, created_at DESC);

--
-- Name: sessions_open; Type: INDEX; Schema: verify; Owner: -
--

CREATE UNIQUE INDEX sessions_open ON verify.sessions USING btree (app_uuid, recipient) WHERE (status = 'in-progress'::text);

--
-- Name: app_templates app_templates_app_uuid_fkey; Type: FK CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.app_templates
    ADD CONSTRAINT app_templates_app_uuid_fkey FOREIGN KEY (app_uuid) REFERENCES verify.apps(uuid) ON DELETE CASCADE;

--
-- Name: attempt_tries attempt_tries_attempt_uuid_fkey; Type: FK CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.attempt_tries
    ADD CONSTRAINT attempt_tries_attempt_uuid_fkey FOREIGN KEY (attempt_uuid) REFERENCES verify.attempts(uuid) ON DELETE CASCADE;

--
-- Name: attempts attempts_session_uuid_fkey; Type: FK CONSTRAINT; Schema: verify; Owner: -
--

ALTER TABLE ONLY verify.attempts
    ADD CONSTRAINT attempts_session_uuid_fkey FOREIGN KEY (session_uuid) REFERENCES verify.sessions(uuid) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
