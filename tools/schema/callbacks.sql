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
-- Name: callbacks; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA callbacks;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: callbacks; Type: TABLE; Schema: callbacks; Owner: -
--

CREATE TABLE callbacks.callbacks (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    session_uuid uuid NOT NULL,
    event_type text NOT NULL,
    event_time timestamp with time zone NOT NULL,
    stream_seq bigint NOT NULL,
    attempt_uuid uuid,
    url text NOT NULL,
    method text NOT NULL,
    fields jsonb NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    tries integer DEFAULT 0 NOT NULL,
    replays integer DEFAULT 0 NOT NULL,
    next_try_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT callbacks_method_check CHECK ((method = ANY (ARRAY['GET'::text, 'POST'::text]))),
    CONSTRAINT callbacks_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'delivered'::text, 'failed'::text, 'gone'::text])))
);

--
-- Name: migrations; Type: TABLE; Schema: callbacks; Owner: -
--

CREATE TABLE callbacks.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: callbacks; Owner: -
--

CREATE SEQUENCE callbacks.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: callbacks; Owner: -
--

ALTER SEQUENCE callbacks.migrations_id_seq OWNED BY callbacks.migrations.id;

--
-- Name: processed_events; Type: TABLE; Schema: callbacks; Owner: -
--

CREATE TABLE callbacks.processed_events (
    id uuid NOT NULL,
    type text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: tries; Type: TABLE; Schema: callbacks; Owner: -
--

CREATE TABLE callbacks.tries (
    id bigint NOT NULL,
    callback_uuid uuid NOT NULL,
    replay boolean DEFAULT false NOT NULL,
    started_at timestamp with time zone NOT NULL,
    latency_ms integer NOT NULL,
    http_status integer,
    error text,
    response text
);

--
-- Name: tries_id_seq; Type: SEQUENCE; Schema: callbacks; Owner: -
--

CREATE SEQUENCE callbacks.tries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: tries_id_seq; Type: SEQUENCE OWNED BY; Schema: callbacks; Owner: -
--

ALTER SEQUENCE callbacks.tries_id_seq OWNED BY callbacks.tries.id;

--
-- Name: migrations id; Type: DEFAULT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.migrations ALTER COLUMN id SET DEFAULT nextval('callbacks.migrations_id_seq'::regclass);

--
-- Name: tries id; Type: DEFAULT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.tries ALTER COLUMN id SET DEFAULT nextval('callbacks.tries_id_seq'::regclass);

--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);

--
-- Name: callbacks callbacks_pkey; Type: CONSTRAINT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.callbacks
    ADD CONSTRAINT callbacks_pkey PRIMARY KEY (uuid);

--
-- Name: processed_events processed_events_pkey; Type: CONSTRAINT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.processed_events
    ADD CONSTRAINT processed_events_pkey PRIMARY KEY (id);

--
-- Name: tries tries_pkey; Type: CONSTRAINT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.tries
    ADD CONSTRAINT tries_pkey PRIMARY KEY (id);

--
-- Name: callbacks_account; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX callbacks_account ON callbacks.callbacks USING btree (account_id);

--
-- Name: callbacks_due; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX callbacks_due ON callbacks.callbacks USING btree (next_try_at) WHERE (status = 'pending'::text);

--
-- Name: callbacks_main_status; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX callbacks_main_status ON callbacks.callbacks USING btree (main_account_id, status, created_at);

--
-- Name: callbacks_session; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX callbacks_session ON callbacks.callbacks USING btree (session_uuid, event_time);

--
-- Name: processed_events_age; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX processed_events_age ON callbacks.processed_events USING btree (processed_at);

--
-- Name: tries_callback; Type: INDEX; Schema: callbacks; Owner: -
--

CREATE INDEX tries_callback ON callbacks.tries USING btree (callback_uuid, id);

--
-- Name: tries tries_callback_uuid_fkey; Type: FK CONSTRAINT; Schema: callbacks; Owner: -
--

ALTER TABLE ONLY callbacks.tries
    ADD CONSTRAINT tries_callback_uuid_fkey FOREIGN KEY (callback_uuid) REFERENCES callbacks.callbacks(uuid) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
