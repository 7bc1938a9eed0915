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
-- Name: sipauth; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA sipauth;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: applications; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.applications (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    grp integer NOT NULL,
    app_name character varying(120) NOT NULL,
    answer_url text NOT NULL,
    answer_method text NOT NULL,
    sip_auth_type text DEFAULT ''::text NOT NULL,
    credential_uuid uuid,
    ip_acl_uuid uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT applications_answer_method_check CHECK ((answer_method = ANY (ARRAY['GET'::text, 'POST'::text]))),
    CONSTRAINT applications_check CHECK (((sip_auth_type = ANY (ARRAY['credential'::text, 'credential_ip_acl'::text])) = (credential_uuid IS NOT NULL))),
    CONSTRAINT applications_check1 CHECK (((sip_auth_type = ANY (ARRAY['ip_acl'::text, 'credential_ip_acl'::text])) = (ip_acl_uuid IS NOT NULL))),
    CONSTRAINT applications_grp_check CHECK ((grp > 0)),
    CONSTRAINT applications_sip_auth_type_check CHECK ((sip_auth_type = ANY (ARRAY[''::text, 'credential'::text, 'ip_acl'::text, 'credential_ip_acl'::text])))
);

--
-- Name: ip_acl_entries; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.ip_acl_entries (
    uuid uuid NOT NULL,
    ip_acl_uuid uuid NOT NULL,
    seq bigint NOT NULL,
    network cidr NOT NULL,
    description character varying(255) DEFAULT ''::character varying NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: address; Type: VIEW; Schema: sipauth; Owner: -
--

CREATE VIEW sipauth.address AS
 SELECT a.grp,
    (host((r.net)::inet))::character varying(50) AS ip_addr,
    masklen((r.net)::inet) AS mask,
    (0)::smallint AS port,
    (a.uuid)::character varying(64) AS tag
   FROM ((sipauth.applications a
     JOIN sipauth.ip_acl_entries e ON ((e.ip_acl_uuid = a.ip_acl_uuid)))
     CROSS JOIN LATERAL ( SELECT e.network
          WHERE (masklen((e.network)::inet) > 0)
        UNION ALL
         SELECT half.half
           FROM unnest(
                CASE family((e.network)::inet)
                    WHEN 4 THEN '{0.0.0.0/1,128.0.0.0/1}'::cidr[]
                    ELSE '{::/1,8000::/1}'::cidr[]
                END) half(half)
          WHERE (masklen((e.network)::inet) = 0)) r(net))
  WHERE (a.sip_auth_type = ANY (ARRAY['ip_acl'::text, 'credential_ip_acl'::text]));

--
-- Name: applications_grp_seq; Type: SEQUENCE; Schema: sipauth; Owner: -
--

ALTER TABLE sipauth.applications ALTER COLUMN grp ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME sipauth.applications_grp_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: credentials; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.credentials (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    username character varying(64) NOT NULL,
    realm character varying(64) NOT NULL,
    ha1 character varying(128) NOT NULL,
    ha1b character varying(128) NOT NULL,
    ha1_sha256 character varying(128) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: ip_acl_entries_seq_seq; Type: SEQUENCE; Schema: sipauth; Owner: -
--

ALTER TABLE sipauth.ip_acl_entries ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME sipauth.ip_acl_entries_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: ip_acls; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.ip_acls (
    uuid uuid NOT NULL,
    account_id text NOT NULL,
    main_account_id text NOT NULL,
    name character varying(120) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: migrations; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: sipauth; Owner: -
--

CREATE SEQUENCE sipauth.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: sipauth; Owner: -
--

ALTER SEQUENCE sipauth.migrations_id_seq OWNED BY sipauth.migrations.id;

--
-- Name: processed_events; Type: TABLE; Schema: sipauth; Owner: -
--

CREATE TABLE sipauth.processed_events (
    id uuid NOT NULL,
    type text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: subscriber; Type: VIEW; Schema: sipauth; Owner: -
--

CREATE VIEW sipauth.subscriber AS
 SELECT credentials.uuid AS id,
    credentials.username,
    credentials.realm AS domain,
    credentials.ha1,
    credentials.ha1b,
    credentials.ha1_sha256
   FROM sipauth.credentials;

--
-- Name: version; Type: VIEW; Schema: sipauth; Owner: -
--

CREATE VIEW sipauth.version AS
 SELECT (v.table_name)::character varying(32) AS table_name,
    v.table_version
   FROM ( VALUES ('subscriber'::text,7), ('address'::text,6)) v(table_name, table_version);

--
-- Name: migrations id; Type: DEFAULT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.migrations ALTER COLUMN id SET DEFAULT nextval('sipauth.migrations_id_seq'::regclass);

--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);

--
-- Name: applications applications_grp_key; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.applications
    ADD CONSTRAINT applications_grp_key UNIQUE (grp);

--
-- Name: applications applications_pkey; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.applications
    ADD CONSTRAINT applications_pkey PRIMARY KEY (uuid);

--
-- Name: credentials credentials_pkey; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.credentials
    ADD CONSTRAINT credentials_pkey PRIMARY KEY (uuid);

--
-- Name: ip_acl_entries ip_acl_entries_pkey; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.ip_acl_entries
    ADD CONSTRAINT ip_acl_entries_pkey PRIMARY KEY (uuid);

--
-- Name: ip_acls ip_acls_pkey; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.ip_acls
    ADD CONSTRAINT ip_acls_pkey PRIMARY KEY (uuid);

--
-- Name: processed_events processed_events_pkey; Type: CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.processed_events
    ADD CONSTRAINT processed_events_pkey PRIMARY KEY (id);

--
-- Name: applications_account; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX applications_account ON sipauth.applications USING btree (account_id, created_at DESC);

--
-- Name: applications_credential; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX applications_credential ON sipauth.applications USING btree (credential_uuid) WHERE (credential_uuid IS NOT NULL);

--
-- Name: applications_ip_acl; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX applications_ip_acl ON sipauth.applications USING btree (ip_acl_uuid) WHERE (ip_acl_uuid IS NOT NULL);

--
-- Name: applications_main; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX applications_main ON sipauth.applications USING btree (main_account_id, created_at DESC);

--
-- Name: credentials_account; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX credentials_account ON sipauth.credentials USING btree (account_id, created_at DESC);

--
-- Name: credentials_main; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX credentials_main ON sipauth.credentials USING btree (main_account_id, created_at DESC);

--
-- Name: credentials_username; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE UNIQUE INDEX credentials_username ON sipauth.credentials USING btree (realm, username);

--
-- Name: ip_acl_entries_acl; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX ip_acl_entries_acl ON sipauth.ip_acl_entries USING btree (ip_acl_uuid, seq);

--
-- Name: ip_acls_account; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX ip_acls_account ON sipauth.ip_acls USING btree (account_id, created_at DESC);

--
-- Name: ip_acls_main; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX ip_acls_main ON sipauth.ip_acls USING btree (main_account_id, created_at DESC);

--
-- Name: processed_events_age; Type: INDEX; Schema: sipauth; Owner: -
--

CREATE INDEX processed_events_age ON sipauth.processed_events USING btree (processed_at);

--
-- Name: applications applications_credential_uuid_fkey; Type: FK CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.applications
    ADD CONSTRAINT applications_credential_uuid_fkey FOREIGN KEY (credential_uuid) REFERENCES sipauth.credentials(uuid);

--
-- Name: applications applications_ip_acl_uuid_fkey; Type: FK CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.applications
    ADD CONSTRAINT applications_ip_acl_uuid_fkey FOREIGN KEY (ip_acl_uuid) REFERENCES sipauth.ip_acls(uuid);

--
-- Name: ip_acl_entries ip_acl_entries_ip_acl_uuid_fkey; Type: FK CONSTRAINT; Schema: sipauth; Owner: -
--

ALTER TABLE ONLY sipauth.ip_acl_entries
    ADD CONSTRAINT ip_acl_entries_ip_acl_uuid_fkey FOREIGN KEY (ip_acl_uuid) REFERENCES sipauth.ip_acls(uuid) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
