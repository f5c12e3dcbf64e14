/// The SQL of the store's tables and functions in one PostgreSQL schema, and its versioned
/// migrations. `Docs/PostgreSQL.md` shows the same SQL for the schema `public`.
struct PostgresSchema: Sendable {
    /// The PostgreSQL schema name; validated, so it needs no quoting.
    let name: String

    /// The custom SQLSTATE `disco_append` raises when the stream is not at the expected version.
    static let wrongExpectedVersionState = "DE409"
    /// The custom SQLSTATE `disco_import` raises when events do not continue the store.
    static let importRefusedState = "DE422"
    /// The custom SQLSTATE raised when a function runs in a transaction that is not READ COMMITTED.
    static let isolationState = "DE400"

    /// The newest schema version this library knows.
    static var latestVersion: Int { migrations.count }

    var events: String { "\(name).disco_events" }
    var checkpoints: String { "\(name).disco_checkpoints" }
    var snapshots: String { "\(name).disco_snapshots" }
    var migrationsTable: String { "\(name).disco_schema_migrations" }
    var appendFunction: String { "\(name).disco_append" }
    var importFunction: String { "\(name).disco_import" }
    /// The `LISTEN`/`NOTIFY` channel; its payload is the new head position.
    var channel: String { "disco_events_\(name)" }
    /// The advisory lock appends hold while assigning positions, as SQL arguments.
    var appendLockKey: String { "1684632419, hashtext('\(name)')" }
    /// The advisory lock migrations hold, as SQL arguments.
    var migrationLockKey: String { "1684632420, hashtext('\(name)')" }

    /// The statements that bring a database to each version, in order: index 0 is version 1.
    static let migrations: [(description: String, statements: @Sendable (PostgresSchema) -> [String])] = [
        ("events, checkpoints, disco_append and disco_import", { $0.version1 }),
        ("snapshots", { $0.version2 }),
    ]

    /// Version 2: the snapshots table, the latest snapshot of each stream.
    var version2: [String] {
        [
            """
            CREATE TABLE \(snapshots) (
                stream_type    text        NOT NULL,
                stream_id      uuid        NOT NULL,
                version        integer     NOT NULL CHECK (version > 0),
                last_event_id  uuid        NOT NULL,
                schema         text        NOT NULL,
                state          json        NOT NULL,
                taken_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
                PRIMARY KEY (stream_type, stream_id)
            )
            """
        ]
    }

    /// Version 1: the events table, the checkpoints table and the append and import functions.
    var version1: [String] {
        [
            """
            CREATE TABLE \(events) (
                position        bigint      PRIMARY KEY CHECK (position > 0),
                stream_type     text        NOT NULL,
                stream_id       uuid        NOT NULL,
                version         integer     NOT NULL CHECK (version > 0),
                event_type      text        NOT NULL,
                schema_version  integer     NOT NULL,
                event_id        uuid        NOT NULL UNIQUE,
                command_id      uuid        NOT NULL,
                correlation_id  uuid        NOT NULL,
                causation_id    uuid,
                recorded_at     timestamptz NOT NULL,
                payload         json        NOT NULL,
                metadata        json        NOT NULL,
                CONSTRAINT disco_events_stream_version UNIQUE (stream_type, stream_id, version)
            )
            """,
            """
            CREATE TABLE \(checkpoints) (
                consumer    text        PRIMARY KEY,
                position    bigint      NOT NULL CHECK (position >= 0),
                updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """,
            """
            CREATE FUNCTION \(appendFunction)(
                p_stream_type     text,
                p_stream_id       uuid,
                p_expected        integer,
                p_event_types     text[],
                p_schema_versions integer[],
                p_event_ids       uuid[],
                p_command_ids     uuid[],
                p_correlation_ids uuid[],
                p_causation_ids   text[],
                p_payloads        text[],
                p_metadata        text[]
            ) RETURNS TABLE (first_position bigint, first_version integer, recorded_at timestamptz)
            LANGUAGE plpgsql VOLATILE AS $$
            DECLARE
                v_version integer;
                v_head    bigint;
                v_now     timestamptz;
                v_count   integer := coalesce(cardinality(p_event_types), 0);
            BEGIN
                IF current_setting('transaction_isolation') <> 'read committed' THEN
                    RAISE EXCEPTION USING ERRCODE = '\(Self.isolationState)',
                        MESSAGE = 'disco_append must run in a READ COMMITTED transaction';
                END IF;
                IF v_count = 0 THEN
                    RAISE EXCEPTION 'disco_append needs at least one event';
                END IF;
                -- One writer at a time assigns positions; the lock is held until commit, so
                -- positions become visible in order and without gaps.
                PERFORM pg_advisory_xact_lock(\(appendLockKey));
                SELECT coalesce(max(e.version), 0) INTO v_version
                    FROM \(events) e
                    WHERE e.stream_type = p_stream_type AND e.stream_id = p_stream_id;
                IF p_expected = 0 AND v_version <> 0 OR p_expected > 0 AND v_version <> p_expected THEN
                    RAISE EXCEPTION USING ERRCODE = '\(Self.wrongExpectedVersionState)',
                        MESSAGE = format('stream %s-%s is at version %s, expected %s',
                            p_stream_type, p_stream_id, v_version,
                            CASE WHEN p_expected = 0 THEN 'no stream' ELSE 'version ' || p_expected END),
                        DETAIL = v_version::text;
                END IF;
                SELECT coalesce(max(e.position), 0) INTO v_head FROM \(events) e;
                v_now := clock_timestamp();
                INSERT INTO \(events) (position, stream_type, stream_id, version, event_type,
                        schema_version, event_id, command_id, correlation_id, causation_id,
                        recorded_at, payload, metadata)
                    SELECT v_head + i, p_stream_type, p_stream_id, v_version + i, p_event_types[i],
                        p_schema_versions[i], p_event_ids[i], p_command_ids[i], p_correlation_ids[i],
                        nullif(p_causation_ids[i], '')::uuid, v_now, p_payloads[i]::json, p_metadata[i]::json
                    FROM generate_series(1, v_count) AS i;
                PERFORM pg_notify('\(channel)', (v_head + v_count)::text);
                RETURN QUERY SELECT v_head + 1, v_version + 1, v_now;
            END
            $$
            """,
            """
            CREATE FUNCTION \(importFunction)(
                p_positions       bigint[],
                p_stream_types    text[],
                p_stream_ids      uuid[],
                p_versions        integer[],
                p_event_types     text[],
                p_schema_versions integer[],
                p_event_ids       uuid[],
                p_command_ids     uuid[],
                p_correlation_ids uuid[],
                p_causation_ids   text[],
                p_recorded_at     timestamptz[],
                p_payloads        text[],
                p_metadata        text[]
            ) RETURNS bigint
            LANGUAGE plpgsql VOLATILE AS $$
            DECLARE
                v_head  bigint;
                v_count integer := coalesce(cardinality(p_positions), 0);
            BEGIN
                IF current_setting('transaction_isolation') <> 'read committed' THEN
                    RAISE EXCEPTION USING ERRCODE = '\(Self.isolationState)',
                        MESSAGE = 'disco_import must run in a READ COMMITTED transaction';
                END IF;
                PERFORM pg_advisory_xact_lock(\(appendLockKey));
                SELECT coalesce(max(e.position), 0) INTO v_head FROM \(events) e;
                IF v_count = 0 THEN
                    RETURN v_head;
                END IF;
                IF EXISTS (SELECT 1 FROM generate_series(1, v_count) AS i
                           WHERE p_positions[i] <> v_head + i) THEN
                    RAISE EXCEPTION USING ERRCODE = '\(Self.importRefusedState)',
                        MESSAGE = format('imported positions must continue the store at %s without gaps, got %s',
                            v_head + 1, p_positions[1]);
                END IF;
                INSERT INTO \(events) (position, stream_type, stream_id, version, event_type,
                        schema_version, event_id, command_id, correlation_id, causation_id,
                        recorded_at, payload, metadata)
                    SELECT p_positions[i], p_stream_types[i], p_stream_ids[i], p_versions[i], p_event_types[i],
                        p_schema_versions[i], p_event_ids[i], p_command_ids[i], p_correlation_ids[i],
                        nullif(p_causation_ids[i], '')::uuid, p_recorded_at[i], p_payloads[i]::json,
                        p_metadata[i]::json
                    FROM generate_series(1, v_count) AS i;
                IF EXISTS (SELECT 1 FROM \(events) n
                           WHERE n.position > v_head AND n.version > 1
                             AND NOT EXISTS (SELECT 1 FROM \(events) p
                                             WHERE p.stream_type = n.stream_type AND p.stream_id = n.stream_id
                                               AND p.version = n.version - 1)) THEN
                    RAISE EXCEPTION USING ERRCODE = '\(Self.importRefusedState)',
                        MESSAGE = 'imported versions must continue each stream without gaps';
                END IF;
                PERFORM pg_notify('\(channel)', (v_head + v_count)::text);
                RETURN v_head + v_count;
            END
            $$
            """,
        ]
    }
}
