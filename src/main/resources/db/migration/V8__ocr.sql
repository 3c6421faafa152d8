-- OCR, a phase after intake. A file whose text only a scan or a photo holds waits here, one row per file (by its
-- content) and submission; the worker reads it page by page and keeps the text by the file's sha-256, so that every
-- submission holding the same file, and every rebuild, reuses it.
create table ocr_queue (
    sha256        text        not null,
    submission_id text        not null,
    path          text        not null,
    media_type    text        not null,
    enqueued_at   timestamptz not null,
    done_at       timestamptz,
    primary key (sha256, submission_id)
);
create index ocr_queue_waiting on ocr_queue (enqueued_at) where done_at is null;

create table ocr_texts (
    sha256      text primary key,
    text        text        not null,
    pages       integer     not null,
    note        text        not null default '',
    millis      bigint      not null,
    finished_at timestamptz not null
);
