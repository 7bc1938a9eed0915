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
-- Name: identity; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA identity;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.accounts (
    auth_id text NOT NULL,
    parent_auth_id text,
    name text NOT NULL,
    email text,
    account_type text DEFAULT 'standard'::text NOT NULL,
    billing_mode text DEFAULT 'prepaid'::text NOT NULL,
    data_region text DEFAULT 'us'::text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    cash_credits numeric(16,5) DEFAULT 0 NOT NULL,
    auto_recharge boolean DEFAULT false NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    city text DEFAULT ''::text NOT NULL,
    state text DEFAULT ''::text NOT NULL,
    timezone text DEFAULT 'UTC'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone,
    closed_at timestamp with time zone,
    ip_whitelist_enabled boolean DEFAULT false NOT NULL,
    CONSTRAINT accounts_account_type_check CHECK ((account_type = ANY (ARRAY['standard'::text, 'developer'::text]))),
    CONSTRAINT accounts_billing_mode_check CHECK ((billing_mode = ANY (ARRAY['prepaid'::text, 'postpaid'::text]))),
    CONSTRAINT accounts_data_region_check CHECK ((data_region = ANY (ARRAY['us'::text, 'in'::text]))),
    CONSTRAINT accounts_status_check CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text, 'closed'::text])))
);

--
-- Name: auth_tokens; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.auth_tokens (
    id uuid NOT NULL,
    auth_id text NOT NULL,
    token_sealed bytea NOT NULL,
    token_digest bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone
);

--
-- Name: ip_whitelist; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.ip_whitelist (
    id uuid NOT NULL,
    auth_id text NOT NULL,
    cidr cidr NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: migrations; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: identity; Owner: -
--

CREATE SEQUENCE identity.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: identity; Owner: -
--

ALTER SEQUENCE identity.migrations_id_seq OWNED BY identity.migrations.id;

--
-- Name: outbox_events; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.outbox_events (
    seq bigint NOT NULL,
    id uuid NOT NULL,
    subject text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone
);

--
-- Name: outbox_events_seq_seq; Type: SEQUENCE; Schema: identity; Owner: -
--

CREATE SEQUENCE identity.outbox_events_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: outbox_events_seq_seq; Type: SEQUENCE OWNED BY; Schema: identity; Owner: -
--

ALTER SEQUENCE identity.outbox_events_seq_seq OWNED BY identity.outbox_events.seq;

--
-- Name: migrations id; Type: DEFAULT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.migrations ALTER COLUMN id SET DEFAULT nextval('identity.migrations_id_seq'::regclass);

--
-- Name: outbox_events seq; Type: DEFAULT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.outbox_events ALTER COLUMN seq SET DEFAULT nextval('identity.outbox_events_seq_seq'::regclass);

--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);

--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (auth_id);

--
-- Name: auth_tokens auth_tokens_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.auth_tokens
    ADD CONSTRAINT auth_tokens_pkey PRIMARY KEY (id);

--
-- Name: ip_whitelist ip_whitelist_auth_id_cidr_key; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.ip_whitelist
    ADD CONSTRAINT ip_whitelist_auth_id_cidr_key UNIQUE (auth_id, cidr);

--
-- Name: ip_whitelist ip_whitelist_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.ip_whitelist
    ADD CONSTRAINT ip_whitelist_pkey PRIMARY KEY (id);

--
-- Name: outbox_events outbox_events_id_key; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.outbox_events
    ADD CONSTRAINT outbox_events_id_key UNIQUE (id);

--
-- Name: outbox_events outbox_events_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.outbox_events
    ADD CONSTRAINT outbox_events_pkey PRIMARY KEY (seq);

--
-- Name: accounts_main_created; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX accounts_main_created ON identity.accounts USING btree (created_at DESC, auth_id) WHERE (parent_auth_id IS NULL);

--
-- Name: accounts_main_email; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX accounts_main_email ON identity.accounts USING btree (lower(email)) WHERE ((parent_auth_id IS NULL) AND (email IS NOT NULL));

--
-- Name: accounts_parent; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX accounts_parent ON identity.accounts USING btree (parent_auth_id, created_at DESC);

--
-- Name: auth_tokens_account; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX auth_tokens_account ON identity.auth_tokens USING btree (auth_id);

--
-- Name: auth_tokens_one_active; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX auth_tokens_one_active ON identity.auth_tokens USING btree (auth_id) WHERE (expires_at IS NULL);

--
-- Name: outbox_events_unpublished; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX outbox_events_unpublished ON identity.outbox_events USING btree (seq) WHERE (published_at IS NULL);

--
-- Name: accounts accounts_parent_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.accounts
    ADD CONSTRAINT accounts_parent_auth_id_fkey FOREIGN KEY (parent_auth_id) REFERENCES identity.accounts(auth_id);

--
-- Name: auth_tokens auth_tokens_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.auth_tokens
    ADD CONSTRAINT auth_tokens_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES identity.accounts(auth_id) ON DELETE CASCADE;

--
-- Name: ip_whitelist ip_whitelist_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.ip_whitelist
    ADD CONSTRAINT ip_whitelist_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES identity.accounts(auth_id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
