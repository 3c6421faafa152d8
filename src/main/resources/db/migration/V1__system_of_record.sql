-- The system of record: everything people and the pipeline decide. Elasticsearch holds what can be rebuilt from
-- these tables and the archive (data/archive, files named by sha-256). A released migration is never edited; a change
-- is a new V<n>__<what>.sql.

-- Accounts and sign-in ----------------------------------------------------------------------------------------------

create table accounts (
    username      text primary key,
    display_name  text        not null default '',
    password_hash text        not null,
    roles         text[]      not null,
    unit          text        not null default '',
    credit_code   text        not null default '',
    phone         text        not null default '',
    email         text        not null default '',
    enabled       boolean     not null default true,
    changed_by    text        not null,
    changed_at    timestamptz not null
);

-- Wrong passwords in a row, and the lock-out they led to (or that an admin lifted), per account.
create table lockouts (
    username     text primary key,
    failures     integer     not null default 0,
    locked_until timestamptz,
    locked_by    text        not null default ''
);

-- Imports of an earlier version's files, once each, with what they took in and what they left out.
create table upgrade_imports (
    name        text primary key,
    imported_at timestamptz not null,
    report      jsonb       not null
);

-- Page sessions (Spring Session JDBC's own tables, in its documented shape): they survive a restart and every instance
-- knows them.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- The lock the instances compete for to run the intake routes (Spring Integration's JDBC lock registry, in its
-- documented shape).
create table int_lock (
    lock_key     char(36)     not null,
    region       varchar(100) not null,
    client_id    char(36),
    created_date timestamp    not null,
    primary key (lock_key, region)
);

-- Who did what: appended in the transaction of the change it records, never updated.
create table audit_log (
    id     bigserial primary key,
    at     timestamptz not null,
    who    text        not null,
    action text        not null,
    target text        not null default '',
    detail text        not null default ''
);
create index audit_log_at on audit_log (at desc, id desc);

-- Intake ------------------------------------------------------------------------------------------------------------

-- Failed attempts of source items (a mail's route|folder|uidvalidity|uid, a portal file, an export package).
create table intake_attempts (
    item       text primary key,
    failed     integer     not null,
    last_error text        not null default '',
    updated_at timestamptz not null
);

-- Items given up on at their source: neither taken in nor quarantined.
create table intake_skipped (
    item   text primary key,
    route  text        not null,
    since  timestamptz not null,
    reason text        not null
);
create index intake_skipped_route on intake_skipped (route);

-- Every outcome of every item, written in the transaction of the item; copied to the ledger index afterwards
-- (copied marks the rows that are there: a mark, not a position, since transactions commit out of order).
create table ledger (
    seq           bigserial primary key,
    id            uuid        not null unique,
    at            timestamptz not null,
    route         text        not null,
    outcome       text        not null,
    submission_id text        not null default '',
    message_id    text        not null default '',
    folder        text        not null default '',
    uid           bigint      not null default -1,
    reason        text        not null default '',
    copied        boolean     not null default false
);
create index ledger_outcome on ledger (outcome, seq desc);
create index ledger_to_copy on ledger (seq) where not copied;

-- A portal route's watermark, and the fingerprint of each record it took, per route and listing.
create table portal_cursors (
    source     text primary key,
    updated_at text not null,
    record_id  text not null
);
create table portal_seen (
    source      text not null,
    record_id   text not null,
    fingerprint text not null,
    primary key (source, record_id)
);

-- Submissions, entries and their checks ----------------------------------------------------------------------------

-- Every write of a submission, an entry or its findings takes the next number: Elasticsearch keeps a document only if
-- its number is not lower than the one it holds (external versioning), so a late copy never overwrites a newer one.
create sequence revisions;

-- One row per submission taken in: its view (the entry it alone makes, with its contact points and place in the order
-- of receipt) and its document as indexed, without file texts (those are in data/extracted and the archive).
create table submissions (
    id           text primary key,
    channel      text        not null,
    route        text        not null,
    received_at  timestamptz not null,
    sender       text        not null default '',
    team_key     text        not null default '',
    entry_id     text        not null,
    view         jsonb       not null,
    document     jsonb       not null,
    taken_at     timestamptz not null,
    revision     bigint      not null default nextval('revisions')
);
create index submissions_team on submissions (team_key) where team_key <> '';
create index submissions_entry on submissions (entry_id);
create index submissions_sender on submissions (sender) where sender <> '';

-- A submission's contact points (phone:…, email:…), by which a later submission finds its team.
create table submission_points (
    point         text not null,
    submission_id text not null references submissions (id) on delete cascade,
    primary key (point, submission_id)
);

-- One row per entry: the merged entry. The row is what a writer of the entry locks (select … for update), so one
-- team's submissions are merged one at a time whoever takes them in (live intake, a second instance, a re-run).
create table entries (
    id         text primary key,
    team_key   text        not null default '',
    document   jsonb,
    updated_at timestamptz not null,
    revision   bigint      not null default nextval('revisions')
);

-- What an entry is found by across entries: a unit's credit code with the work title, a person's phone or e-mail.
create table entry_keys (
    key      text not null,
    entry_id text not null references entries (id) on delete cascade,
    primary key (key, entry_id)
);
create index entry_keys_entry on entry_keys (entry_id);

-- The version number each submission got in its entry: receipts name it, so it never changes.
create table entry_versions (
    entry_id      text    not null,
    submission_id text    not null,
    number        integer not null,
    primary key (entry_id, submission_id),
    unique (entry_id, number)
);

-- The pre-check of each entry as it now stands, each finding with the committee's decision in force.
create table findings (
    entry_id   text primary key,
    document   jsonb       not null,
    checked_at timestamptz not null,
    revision   bigint      not null default nextval('revisions')
);

-- The committee's decisions, by entry, finding code and evidence; the latest stands, each change is in the audit log.
create table decisions (
    entry_id     text        not null,
    code         text        not null,
    evidence_key text        not null,
    verdict      text        not null check (verdict in ('CONFIRMED', 'OVERRULED')),
    reason       text        not null default '',
    decided_by   text        not null,
    decided_at   timestamptz not null,
    primary key (entry_id, code, evidence_key)
);

-- What is still to be done after a commit, durably: give Elasticsearch a submission or an entry (with its findings
-- and search document) as committed, or check an entry again that a change of another entry concerns. A row is
-- written in the transaction of the change and deleted once done, only if nobody enqueued the same again meanwhile
-- (seq). A failure waits until next_try_at.
create table projection_queue (
    seq         bigserial primary key,
    kind        text        not null check (kind in ('submission', 'entry', 'recheck')),
    id          text        not null,
    enqueued_at timestamptz not null,
    tries       integer     not null default 0,
    next_try_at timestamptz not null,
    last_error  text        not null default '',
    unique (kind, id)
);
create index projection_queue_due on projection_queue (next_try_at);

-- Receipts: decided in the transaction that takes the submission in (a transactional outbox), sent afterwards.
create table receipts (
    submission_id text primary key,
    state         text        not null check (state in ('OUTBOX', 'SENT', 'SKIPPED', 'FAILED', 'UNANSWERED')),
    recipient     text        not null default '',
    message       bytea,
    reason        text        not null default '',
    decided_at    timestamptz not null,
    sent_at       timestamptz
);
create index receipts_outbox on receipts (decided_at) where state = 'OUTBOX';
create index receipts_recipient on receipts (recipient, decided_at);
create index receipts_sent on receipts (sent_at) where state = 'SENT';

-- Watch lists and exam results --------------------------------------------------------------------------------------

-- Each import of a list organizers keep (失信 units, provincial registrations), its file as uploaded; the newest of a
-- kind is in force, every import is kept.
create table watch_list_imports (
    id          bigserial primary key,
    kind        text        not null,
    name        text        not null,
    content     bytea       not null,
    imported_by text        not null default '',
    imported_at timestamptz not null
);
create index watch_list_imports_kind on watch_list_imports (kind, id desc);

-- Each import of an exam's score sheet: the current one per exam is the latest; earlier ones are its history.
create table exam_imports (
    id           text primary key,
    exam         text        not null,
    route        text        not null,
    source       text        not null,
    sheet_sha256 text        not null,
    sheet        bytea       not null,
    imported_at  timestamptz not null,
    results      jsonb       not null,
    problems     jsonb       not null
);
create index exam_imports_exam on exam_imports (exam, imported_at desc);

-- Review ------------------------------------------------------------------------------------------------------------

create table review_rounds (
    round     text primary key,
    status    text        not null check (status in ('OPEN', 'CLOSED')),
    opened_by text        not null,
    opened_at timestamptz not null,
    closed_by text,
    closed_at timestamptz
);

-- The entries a round froze when it opened.
create table review_round_entries (
    round      text not null references review_rounds (round),
    entry_id   text not null,
    work_title text not null,
    track      integer not null,
    track_name text not null,
    primary key (round, entry_id)
);

create table review_assignments (
    round       text        not null,
    entry_id    text        not null,
    reviewer    text        not null,
    active      boolean     not null,
    assigned_by text        not null,
    assigned_at timestamptz not null,
    primary key (round, entry_id, reviewer),
    foreign key (round, entry_id) references review_round_entries (round, entry_id)
);
create index review_assignments_reviewer on review_assignments (reviewer, round);

-- One score per round, entry and reviewer; a correction replaces it while the round is open.
create table review_scores (
    round       text        not null,
    entry_id    text        not null,
    reviewer    text        not null,
    criteria    jsonb       not null,
    comment     text        not null default '',
    source      text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (round, entry_id, reviewer),
    foreign key (round, entry_id) references review_round_entries (round, entry_id)
);

create table review_advancements (
    round      text        not null,
    entry_id   text        not null,
    advanced   boolean     not null,
    withdrawn  boolean     not null,
    note       text        not null default '',
    set_by     text        not null,
    set_at     timestamptz not null,
    primary key (round, entry_id),
    foreign key (round, entry_id) references review_round_entries (round, entry_id)
);

create table review_notices (
    round     text primary key references review_rounds (round),
    starts_on date        not null,
    ends_on   date        not null,
    set_by    text        not null,
    set_at    timestamptz not null
);

create table review_objections (
    id          uuid primary key,
    round       text        not null,
    entry_id    text        not null,
    name        text        not null,
    unit        text        not null default '',
    contact     text        not null,
    reason      text        not null,
    evidence    jsonb       not null,
    received_at timestamptz not null,
    recorded_by text        not null
);
create index review_objections_round on review_objections (round, entry_id);

create table review_objection_decisions (
    objection_id uuid primary key references review_objections (id),
    verdict      text        not null check (verdict in ('UPHELD', 'DISMISSED')),
    reason       text        not null default '',
    decided_by   text        not null,
    decided_at   timestamptz not null
);
