-- 决赛路演: the team presenting now in a round scored live, moved by an organizer through the round's finalists.
create table review_roadshow (
    round    text primary key references review_rounds (round),
    entry_id text        not null,
    moved_by text        not null,
    moved_at timestamptz not null,
    foreign key (round, entry_id) references review_round_entries (round, entry_id)
);
