-- Each entry of a round gets a code drawn at random (a letter and three digits: A017), shown with the round's name
-- (初赛-A017). In a blind round reviewers see only these codes; no public data (a credit code, a title) leads back to
-- the team, as the entry's id does. Entries of rounds opened before this migration draw theirs here.
alter table review_round_entries add column code text;

with numbered as (
    select round, entry_id, row_number() over (partition by round order by random()) as n
    from review_round_entries
), pool as (
    select substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + k / 1000, 1) || lpad((k % 1000)::text, 3, '0') as code,
           row_number() over (order by random()) as n
    from generate_series(0, 23999) as k
)
update review_round_entries e
set code = p.code
from numbered x
join pool p on p.n = x.n
where e.round = x.round and e.entry_id = x.entry_id;

alter table review_round_entries alter column code set not null;
alter table review_round_entries add constraint review_round_entries_code unique (round, code);
