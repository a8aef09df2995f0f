-- The workspace's inbox (docs/adr/0024, docs/workspace.md) reads lc_open_task: each task names what or whom it is
-- about (the candidate of an admission, the meeting of a meeting's tasks, the work team, the impact track), taken
-- from the owning capability's table when the task is created, so the inbox reads one table and calls no engine.
-- Written "עברית / English" when the words differ by language (as task names are); null: the task has no subject.
alter table lc_open_task add column subject varchar(400);

-- "my tasks": the tasks held by the signed-in person
create index lc_open_task_assignee_ix on lc_open_task (assignee);
