-- A round closes only with every assignment scored, or with the organizer's reason for each score that is missing.
create table review_missing_scores (
    round       text        not null,
    entry_id    text        not null,
    reviewer    text        not null,
    reason      text        not null check (reason <> ''),
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (round, entry_id, reviewer),
    foreign key (round, entry_id) references review_round_entries (round, entry_id)
);

-- 代录: an organizer enters a reviewer's paper sheet only with the signed scan, kept by sha-256 under review/scans/.
-- A score whose recorded_by is not its reviewer is 代录, and is marked so wherever it is shown.
alter table review_scores add column proxy_scan text;
alter table review_scores add column proxy_scan_name text;
