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
-- Name: billing; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA billing;

--
-- Name: ledger_append_only(); Type: FUNCTION; Schema: billing; Owner: -
--

CREATE FUNCTION billing.ledger_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        RAISE EXCEPTION 'billing.ledger is append-only: % refused', TG_OP;
      END $$;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.accounts (
    auth_id text NOT NULL,
    balance_micros bigint DEFAULT 0 NOT NULL,
    closed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_balance_micros_check CHECK ((balance_micros >= 0))
);

--
-- Name: alert_settings; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.alert_settings (
    auth_id text NOT NULL,
    thresholds_micros bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    emails text[] DEFAULT '{}'::text[] NOT NULL,
    webhook_url text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: alerts; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.alerts (
    uuid uuid DEFAULT gen_random_uuid() NOT NULL,
    auth_id text NOT NULL,
    threshold_micros bigint NOT NULL,
    kind text NOT NULL,
    balance_micros bigint NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    recipients text[] DEFAULT '{}'::text[] NOT NULL,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    mailed_at timestamp with time zone,
    webhook_url text,
    webhook_tries integer DEFAULT 0 NOT NULL,
    webhook_http_status integer,
    webhook_error text,
    webhook_delivered_at timestamp with time zone,
    CONSTRAINT alerts_kind_check CHECK ((kind = ANY (ARRAY['automatic'::text, 'custom'::text]))),
    CONSTRAINT alerts_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text])))
);

--
-- Name: closures; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.closures (
    auth_id text NOT NULL,
    closed_at timestamp with time zone NOT NULL,
    balance_micros bigint NOT NULL,
    refundable_micros bigint NOT NULL,
    trial boolean NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: ledger; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.ledger (
    seq bigint NOT NULL,
    uuid uuid DEFAULT gen_random_uuid() NOT NULL,
    auth_id text NOT NULL,
    account_id text NOT NULL,
    kind text NOT NULL,
    amount_micros bigint NOT NULL,
    balance_after_micros bigint NOT NULL,
    attempt_uuid uuid,
    session_uuid uuid,
    channel text,
    country_iso character(2),
    reference text,
    trial boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ledger_balance_after_micros_check CHECK ((balance_after_micros >= 0)),
    CONSTRAINT ledger_channel_check CHECK ((channel = ANY (ARRAY['sms'::text, 'voice'::text, 'validation'::text]))),
    CONSTRAINT ledger_check CHECK (((kind <> 'charge'::text) OR (amount_micros <= 0))),
    CONSTRAINT ledger_check1 CHECK (((kind <> 'recharge'::text) OR (amount_micros > 0))),
    CONSTRAINT ledger_kind_check CHECK ((kind = ANY (ARRAY['recharge'::text, 'charge'::text, 'refund'::text, 'adjustment'::text])))
);

--
-- Name: ledger_seq_seq; Type: SEQUENCE; Schema: billing; Owner: -
--

ALTER TABLE billing.ledger ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME billing.ledger_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: migrations; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: billing; Owner: -
--

CREATE SEQUENCE billing.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: billing; Owner: -
--

ALTER SEQUENCE billing.migrations_id_seq OWNED BY billing.migrations.id;

--
-- Name: prices; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.prices (
    country_iso character(2) NOT NULL,
    country text NOT NULL,
    country_code integer NOT NULL,
    sms_micros bigint NOT NULL,
    voice_micros bigint NOT NULL,
    validation_micros bigint DEFAULT 0 NOT NULL,
    sms_own_sender_micros bigint DEFAULT 0 NOT NULL,
    voice_own_sender_micros bigint DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT prices_sms_micros_check CHECK ((sms_micros >= 0)),
    CONSTRAINT prices_sms_own_sender_micros_check CHECK ((sms_own_sender_micros >= 0)),
    CONSTRAINT prices_validation_micros_check CHECK ((validation_micros >= 0)),
    CONSTRAINT prices_voice_micros_check CHECK ((voice_micros >= 0)),
    CONSTRAINT prices_voice_own_sender_micros_check CHECK ((voice_own_sender_micros >= 0))
);

--
-- Name: processed_events; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.processed_events (
    id uuid NOT NULL,
    type text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: recorded_attempts; Type: TABLE; Schema: billing; Owner: -
--

CREATE TABLE billing.recorded_attempts (
    attempt_uuid uuid NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: migrations id; Type: DEFAULT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.migrations ALTER COLUMN id SET DEFAULT nextval('billing.migrations_id_seq'::regclass);

--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);

--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (auth_id);

--
-- Name: alert_settings alert_settings_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.alert_settings
    ADD CONSTRAINT alert_settings_pkey PRIMARY KEY (auth_id);

--
-- Name: alerts alerts_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.alerts
    ADD CONSTRAINT alerts_pkey PRIMARY KEY (uuid);

--
-- Name: closures closures_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.closures
    ADD CONSTRAINT closures_pkey PRIMARY KEY (auth_id);

--
-- Name: ledger ledger_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.ledger
    ADD CONSTRAINT ledger_pkey PRIMARY KEY (seq);

--
-- Name: ledger ledger_uuid_key; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.ledger
    ADD CONSTRAINT ledger_uuid_key UNIQUE (uuid);

--
-- Name: prices prices_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.prices
    ADD CONSTRAINT prices_pkey PRIMARY KEY (country_iso);

--
-- Name: processed_events processed_events_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.processed_events
    ADD CONSTRAINT processed_events_pkey PRIMARY KEY (id);

--
-- Name: recorded_attempts recorded_attempts_pkey; Type: CONSTRAINT; Schema: billing; Owner: -
--

ALTER TABLE ONLY billing.recorded_attempts
    ADD CONSTRAINT recorded_attempts_pkey PRIMARY KEY (attempt_uuid);

--
-- Name: alerts_account; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX alerts_account ON billing.alerts USING btree (auth_id, created_at DESC);

--
-- Name: alerts_pending; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX alerts_pending ON billing.alerts USING btree (created_at) WHERE (status = 'pending'::text);

--
-- Name: ledger_account_time; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX ledger_account_time ON billing.ledger USING btree (auth_id, created_at);

--
-- Name: ledger_attempt_adjustment; Type: INDEX; Schema: billing; Owner: -
--

CREATE UNIQUE INDEX ledger_attempt_adjustment ON billing.ledger USING btree (attempt_uuid) WHERE ((kind = 'adjustment'::text) AND (attempt_uuid IS NOT NULL));

--
-- Name: ledger_attempt_charge; Type: INDEX; Schema: billing; Owner: -
--

CREATE UNIQUE INDEX ledger_attempt_charge ON billing.ledger USING btree (attempt_uuid) WHERE ((kind = 'charge'::text) AND (attempt_uuid IS NOT NULL));

--
-- Name: ledger_attempt_charge_time; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX ledger_attempt_charge_time ON billing.ledger USING btree (created_at) WHERE ((kind = 'charge'::text) AND (attempt_uuid IS NOT NULL));

--
-- Name: ledger_attempt_refund; Type: INDEX; Schema: billing; Owner: -
--

CREATE UNIQUE INDEX ledger_attempt_refund ON billing.ledger USING btree (attempt_uuid) WHERE ((kind = 'refund'::text) AND (attempt_uuid IS NOT NULL));

--
-- Name: ledger_recharge_reference; Type: INDEX; Schema: billing; Owner: -
--

CREATE UNIQUE INDEX ledger_recharge_reference ON billing.ledger USING btree (auth_id, reference) WHERE (kind = 'recharge'::text);

--
-- Name: ledger_session_validation; Type: INDEX; Schema: billing; Owner: -
--

CREATE UNIQUE INDEX ledger_session_validation ON billing.ledger USING btree (session_uuid) WHERE ((kind = 'charge'::text) AND (channel = 'validation'::text));

--
-- Name: processed_events_age; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX processed_events_age ON billing.processed_events USING btree (processed_at);

--
-- Name: recorded_attempts_age; Type: INDEX; Schema: billing; Owner: -
--

CREATE INDEX recorded_attempts_age ON billing.recorded_attempts USING btree (recorded_at);

--
-- Name: ledger ledger_append_only; Type: TRIGGER; Schema: billing; Owner: -
--

CREATE TRIGGER ledger_append_only BEFORE DELETE OR UPDATE ON billing.ledger FOR EACH STATEMENT EXECUTE FUNCTION billing.ledger_append_only();

--
-- PostgreSQL database dump complete
--
