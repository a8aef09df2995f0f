-- Years two and three hold meetings of their own, with more responsibility on the members (guide p.71): a meeting
-- belongs to a year, may be a field tour or a meeting between communities of the venture, and may be hosted and
-- co-planned by members. The forums are chosen again each year and each year's choice is kept. Every knowledge
-- product (a meeting's, a work team's, an impact track's, or another) is registered in lc_product, the one record
-- that the products API, the years view and the farewell read.

-- The year a meeting belongs to: the year whose syllabus scheduled it, or the stage the community was in when it was
-- scheduled beside the syllabus (a meeting scheduled during establishment belongs to year one).
alter table lc_meeting add column stage varchar(20);
update lc_meeting set stage = coalesce((select case when c.stage in ('YEAR_TWO', 'YEAR_THREE') then c.stage
                                                    when c.stage = 'COMPLETED' then 'YEAR_THREE'
                                                    else 'YEAR_ONE' end
                                        from lc_community c where c.id = lc_meeting.community_id), 'YEAR_ONE');
alter table lc_meeting alter column stage set not null;
-- COMMUNITY (a community meeting), FIELD_TOUR (סיור שטח) or INTER_COMMUNITY (a meeting with another community)
alter table lc_meeting add column meeting_kind varchar(20) default 'COMMUNITY' not null;
-- the other community of an INTER_COMMUNITY meeting
alter table lc_meeting add column partner_community_id bigint references lc_community (id);
-- the member who hosts the meeting (in their authority) and the member who plans it with the leader
alter table lc_meeting add column host_member_id bigint references lc_candidate (id);
alter table lc_meeting add column co_planner_id bigint references lc_candidate (id);
create index lc_meeting_stage_ix on lc_meeting (community_id, stage);

-- The year whose choice a forum member belongs to: choose-forums no longer rewrites earlier years. Rows chosen before
-- this migration belong to the year the community is in (or its last year).
alter table lc_forum_member add column stage varchar(20);
update lc_forum_member set stage = coalesce((select case when c.stage in ('YEAR_TWO', 'YEAR_THREE') then c.stage
                                                         when c.stage = 'COMPLETED' then 'YEAR_THREE'
                                                         else 'YEAR_ONE' end
                                             from lc_community c where c.id = lc_forum_member.community_id), 'YEAR_ONE');
alter table lc_forum_member alter column stage set not null;
create index lc_forum_member_stage_ix on lc_forum_member (community_id, stage, forum);

-- lc_product.source gains WORK_TEAM and IMPACT_TRACK beside MEETING and OTHER; source_id is the meeting's, team's or
-- track's id (none for OTHER), so a meeting held after its year's summary is registered once, with the next year's.
alter table lc_product add column source_id bigint;
