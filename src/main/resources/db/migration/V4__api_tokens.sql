-- Personal API tokens: the REST API's only credential (HTTP basic is gone). A token is shown once when it is made;
-- only its sha-256 is kept. It acts as its account, with the account's roles of the moment, until it is revoked or
-- the account is disabled.
create table api_tokens (
    id           uuid primary key,
    username     text        not null,
    label        text        not null,
    token_hash   text        not null unique,
    shown_prefix text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_by   text,
    revoked_at   timestamptz
);
create index api_tokens_username on api_tokens (username, created_at desc);
