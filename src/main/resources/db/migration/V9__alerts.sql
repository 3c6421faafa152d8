-- Alerts: an incident starts when a rule finds its condition and ends when the rule no longer does; each gives one
-- message when it starts and one when it ends, never a repeat while it lasts (the open row is the memory of that).
create table alert_incidents (
    id         bigserial primary key,
    key        text        not null,
    title      text        not null,
    detail     text        not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create unique index alert_incidents_open on alert_incidents (key) where ended_at is null;
