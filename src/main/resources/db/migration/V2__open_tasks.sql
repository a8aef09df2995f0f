-- The open user tasks of every community, kept by the progress capability from the engine's task events, so
-- that counts per community (open, overdue, current step) are one indexed query, whoever asks.
create table lc_open_task (
    task_id        varchar(64)  primary key,
    community_code varchar(64)  not null,
    process_key    varchar(255) not null,
    task_key       varchar(255) not null,
    task_name      varchar(255),
    assignee       varchar(64),
    due_at         timestamp,
    created_at     timestamp    not null
);
create index lc_open_task_community_ix on lc_open_task (community_code);
create index lc_open_task_due_ix on lc_open_task (due_at);
