-- The erasure of personal data after intake.retention.personal-data-until: one row per date it ran for, with its
-- report, so that the job runs once however many instances or restarts see the date pass.
create table retention_runs (
    until   date primary key,
    ran_at  timestamptz not null,
    ran_by  text        not null,
    report  text        not null
);
