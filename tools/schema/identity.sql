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
-- Name: console_devices; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_devices (
    user_id uuid NOT NULL,
    digest bytea NOT NULL,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: console_logins; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_logins (
    digest bytea NOT NULL,
    user_id uuid NOT NULL,
    device_digest bytea NOT NULL,
    verify_session_uuid uuid,
    wrong_codes integer DEFAULT 0 NOT NULL,
    ended_at timestamp with time zone,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    purpose text DEFAULT 'login'::text NOT NULL,
    CONSTRAINT console_logins_purpose_check CHECK ((purpose = ANY (ARRAY['login'::text, 'reauth'::text])))
);

--
-- Name: console_recovery_codes; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_recovery_codes (
    user_id uuid NOT NULL,
    digest bytea NOT NULL,
    used_at timestamp with time zone
);

--
-- Name: console_refresh_spent; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_refresh_spent (
    digest bytea NOT NULL,
    session_id uuid NOT NULL,
    spent_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: console_saml_assertions; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_saml_assertions (
    digest bytea NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

--
-- Name: console_secrets; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_secrets (
    digest bytea NOT NULL,
    purpose text NOT NULL,
    user_id uuid NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT console_secrets_purpose_check CHECK ((purpose = ANY (ARRAY['activation'::text, 'reset'::text, 'invite'::text, 'phone'::text, 'reauth'::text, 'email_change'::text, 'phone_change'::text])))
);

--
-- Name: console_sessions; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    access_digest bytea NOT NULL,
    access_expires_at timestamp with time zone NOT NULL,
    refresh_digest bytea NOT NULL,
    refresh_expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    refreshed_at timestamp with time zone
);

--
-- Name: console_sso; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_sso (
    auth_id text NOT NULL,
    domain text NOT NULL,
    entry_point text NOT NULL,
    idp_issuer text,
    idp_cert text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: console_users; Type: TABLE; Schema: identity; Owner: -
--

CREATE TABLE identity.console_users (
    id uuid NOT NULL,
    auth_id text NOT NULL,
    email text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    phone text,
    password_hash text,
    role text NOT NULL,
    email_verified_at timestamp with time zone,
    phone_verified_at timestamp with time zone,
    totp_sealed bytea,
    totp_enabled_at timestamp with time zone,
    totp_last_step bigint,
    invited_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone,
    CONSTRAINT console_users_role_check CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text, 'developer'::text, 'support'::text, 'finance'::text])))
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
-- Name: console_devices console_devices_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_devices
    ADD CONSTRAINT console_devices_pkey PRIMARY KEY (user_id, digest);

--
-- Name: console_logins console_logins_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_logins
    ADD CONSTRAINT console_logins_pkey PRIMARY KEY (digest);

--
-- Name: console_recovery_codes console_recovery_codes_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_recovery_codes
    ADD CONSTRAINT console_recovery_codes_pkey PRIMARY KEY (user_id, digest);

--
-- Name: console_refresh_spent console_refresh_spent_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_refresh_spent
    ADD CONSTRAINT console_refresh_spent_pkey PRIMARY KEY (digest);

--
-- Name: console_saml_assertions console_saml_assertions_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_saml_assertions
    ADD CONSTRAINT console_saml_assertions_pkey PRIMARY KEY (digest);

--
-- Name: console_secrets console_secrets_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_secrets
    ADD CONSTRAINT console_secrets_pkey PRIMARY KEY (digest);

--
-- Name: console_sessions console_sessions_access_digest_key; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sessions
    ADD CONSTRAINT console_sessions_access_digest_key UNIQUE (access_digest);

--
-- Name: console_sessions console_sessions_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sessions
    ADD CONSTRAINT console_sessions_pkey PRIMARY KEY (id);

--
-- Name: console_sessions console_sessions_refresh_digest_key; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sessions
    ADD CONSTRAINT console_sessions_refresh_digest_key UNIQUE (refresh_digest);

--
-- Name: console_sso console_sso_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sso
    ADD CONSTRAINT console_sso_pkey PRIMARY KEY (auth_id);

--
-- Name: console_users console_users_pkey; Type: CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_users
    ADD CONSTRAINT console_users_pkey PRIMARY KEY (id);

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
-- Name: console_logins_user; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX console_logins_user ON identity.console_logins USING btree (user_id);

--
-- Name: console_refresh_spent_session; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX console_refresh_spent_session ON identity.console_refresh_spent USING btree (session_id);

--
-- Name: console_secrets_user; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX console_secrets_user ON identity.console_secrets USING btree (user_id, purpose);

--
-- Name: console_sessions_user; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX console_sessions_user ON identity.console_sessions USING btree (user_id);

--
-- Name: console_sso_domain; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX console_sso_domain ON identity.console_sso USING btree (lower(domain));

--
-- Name: console_users_account; Type: INDEX; Schema: identity; Owner: -
--

CREATE INDEX console_users_account ON identity.console_users USING btree (auth_id, created_at);

--
-- Name: console_users_email; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX console_users_email ON identity.console_users USING btree (lower(email));

--
-- Name: console_users_one_owner; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX console_users_one_owner ON identity.console_users USING btree (auth_id) WHERE (role = 'owner'::text);

--
-- Name: console_users_phone; Type: INDEX; Schema: identity; Owner: -
--

CREATE UNIQUE INDEX console_users_phone ON identity.console_users USING btree (phone) WHERE (phone IS NOT NULL);

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
-- Name: console_devices console_devices_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_devices
    ADD CONSTRAINT console_devices_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.console_users(id) ON DELETE CASCADE;

--
-- Name: console_logins console_logins_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_logins
    ADD CONSTRAINT console_logins_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.console_users(id) ON DELETE CASCADE;

--
-- Name: console_recovery_codes console_recovery_codes_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_recovery_codes
    ADD CONSTRAINT console_recovery_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.console_users(id) ON DELETE CASCADE;

--
-- Name: console_refresh_spent console_refresh_spent_session_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_refresh_spent
    ADD CONSTRAINT console_refresh_spent_session_id_fkey FOREIGN KEY (session_id) REFERENCES identity.console_sessions(id) ON DELETE CASCADE;

--
-- Name: console_secrets console_secrets_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_secrets
    ADD CONSTRAINT console_secrets_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.console_users(id) ON DELETE CASCADE;

--
-- Name: console_sessions console_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sessions
    ADD CONSTRAINT console_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.console_users(id) ON DELETE CASCADE;

--
-- Name: console_sso console_sso_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_sso
    ADD CONSTRAINT console_sso_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES identity.accounts(auth_id);

--
-- Name: console_users console_users_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.console_users
    ADD CONSTRAINT console_users_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES identity.accounts(auth_id);

--
-- Name: ip_whitelist ip_whitelist_auth_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: -
--

ALTER TABLE ONLY identity.ip_whitelist
    ADD CONSTRAINT ip_whitelist_auth_id_fkey FOREIGN KEY (auth_id) REFERENCES identity.accounts(auth_id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
