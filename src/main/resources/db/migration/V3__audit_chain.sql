-- Each audit row carries the hash of the row before and its own fields (account.AuditChain, same formula): editing,
-- inserting or deleting a row breaks the chain from there, and bin/audit-verify names the first row that breaks it.
-- The rows written before this migration are chained here, in the order they were written.
alter table audit_log add column hash text;

do $$
declare
    previous text := '';
    r record;
begin
    for r in select id, at, who, action, target, detail from audit_log order by id loop
        previous := encode(sha256(convert_to(
                previous || E'\n' || ((extract(epoch from r.at) * 1000000)::bigint)::text
                || E'\n' || char_length(r.who) || ':' || r.who
                || E'\n' || char_length(r.action) || ':' || r.action
                || E'\n' || char_length(r.target) || ':' || r.target
                || E'\n' || char_length(r.detail) || ':' || r.detail, 'UTF8')), 'hex');
        update audit_log set hash = previous where id = r.id;
    end loop;
end $$;

alter table audit_log alter column hash set not null;
