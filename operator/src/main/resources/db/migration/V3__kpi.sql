-- Metrics and KPIs. The rules behind every view are written down in docs/kpi.md.
--
-- One row per pull of a video's lifetime counters (YouTube videos.list statistics, TikTok video/query):
-- counters are cumulative since publication, so values at a horizon come from the snapshots around it and
-- daily figures are differences between consecutive days.
create table metric_snapshots (
    id                      bigserial primary key,
    platform                text             not null check (platform in ('YouTube', 'TikTok')),
    external_id             text             not null check (length(external_id) > 0),
    -- the Publication resource, when the video was published by the operator (manual posts may have none)
    publication_namespace   text,
    publication_name        text,
    published_at            timestamptz      not null,
    captured_at             timestamptz      not null,
    views                   bigint           not null check (views >= 0),
    -- YouTube only; TikTok has no such counter
    engaged_views           bigint           check (engaged_views >= 0),
    likes                   bigint           not null check (likes >= 0),
    comments                bigint           not null check (comments >= 0),
    shares                  bigint           not null check (shares >= 0),
    watch_time_minutes      double precision check (watch_time_minutes >= 0),
    -- Shorts loop, so YouTube reports more than 100 % for videos watched again: no upper bound
    average_view_percentage double precision check (average_view_percentage >= 0),
    check (captured_at >= published_at),
    unique (platform, external_id, captured_at)
);
-- the unique constraint's index serves the per-video look-ups around a horizon (platform, external_id, captured_at)
-- look-ups by external id alone (video_kpis where external_id = ...), and the export's captured_at date range
create index metric_snapshots_external_id_idx on metric_snapshots (external_id);
create index metric_snapshots_captured_at_idx on metric_snapshots (captured_at);

-- Value of each video at publication + 72 hours and + 7 days, one row per video and horizon.
-- At the target time T: the latest snapshot at or before T when it is at most 12 hours old at T (and T has
-- passed); else linear interpolation between the latest snapshot before T and the earliest after it; else null.
create view video_kpis as
with videos as (
    select platform, external_id,
           (array_agg(publication_namespace order by captured_at desc))[1] as publication_namespace,
           (array_agg(publication_name order by captured_at desc))[1]      as publication_name,
           max(published_at)                                               as published_at
    from metric_snapshots
    group by platform, external_id
),
horizons (horizon, span) as (
    values ('72h', interval '72 hours'), ('7d', interval '7 days')
),
around as (
    select v.*, h.horizon, v.published_at + h.span as target_at,
           b.captured_at as before_at, b.views as b_views, b.engaged_views as b_engaged, b.likes as b_likes,
           b.comments as b_comments, b.shares as b_shares, b.watch_time_minutes as b_watch,
           b.average_view_percentage as b_avp,
           a.captured_at as after_at, a.views as a_views, a.engaged_views as a_engaged, a.likes as a_likes,
           a.comments as a_comments, a.shares as a_shares, a.watch_time_minutes as a_watch,
           a.average_view_percentage as a_avp
    from videos v
    cross join horizons h
    left join lateral (
        select * from metric_snapshots s
        where s.platform = v.platform and s.external_id = v.external_id
          and s.captured_at <= v.published_at + h.span
        order by s.captured_at desc limit 1) b on true
    left join lateral (
        select * from metric_snapshots s
        where s.platform = v.platform and s.external_id = v.external_id
          and s.captured_at > v.published_at + h.span
        order by s.captured_at asc limit 1) a on true
),
rated as (
    select around.*,
           case
               when before_at is not null and target_at <= now()
                    and target_at - before_at <= interval '12 hours' then 'snapshot'
               when before_at is not null and after_at is not null then 'interpolated'
           end as method,
           -- share of the way from the snapshot before T to the one after it
           extract(epoch from target_at - before_at) / nullif(extract(epoch from after_at - before_at), 0) as w
    from around
),
valued as (
    select platform, external_id, publication_namespace, publication_name, published_at, horizon, target_at,
           method,
           case method when 'snapshot' then b_views
                       when 'interpolated' then round(b_views + (a_views - b_views) * w)::bigint end as views,
           case method when 'snapshot' then b_engaged
                       when 'interpolated' then round(b_engaged + (a_engaged - b_engaged) * w)::bigint end as engaged_views,
           case method when 'snapshot' then b_likes
                       when 'interpolated' then round(b_likes + (a_likes - b_likes) * w)::bigint end as likes,
           case method when 'snapshot' then b_comments
                       when 'interpolated' then round(b_comments + (a_comments - b_comments) * w)::bigint end as comments,
           case method when 'snapshot' then b_shares
                       when 'interpolated' then round(b_shares + (a_shares - b_shares) * w)::bigint end as shares,
           case method when 'snapshot' then b_watch
                       when 'interpolated' then b_watch + (a_watch - b_watch) * w end as watch_time_minutes,
           case method when 'snapshot' then b_avp
                       when 'interpolated' then b_avp + (a_avp - b_avp) * w end as average_view_percentage
    from rated
)
select valued.*,
       (likes + comments + shares)::double precision / nullif(views, 0) as engagement_rate
from valued;

-- What each channel (platform) gained per UTC day: for every video, the last snapshot of each day it was
-- captured, minus the previous such snapshot (zero before the first: counters start at zero at publication),
-- summed over the channel's videos. Materialized because it reads every snapshot; refreshed after each pull
-- (io.animops.operator.kpi.MetricSnapshotStore). A day without a snapshot of a video carries that video's
-- gain into the next captured day.
create materialized view channel_daily_deltas as
with last_of_day as (
    select distinct on (platform, external_id, (captured_at at time zone 'UTC')::date)
           platform, external_id, (captured_at at time zone 'UTC')::date as day,
           views, coalesce(engaged_views, 0) as engaged_views, likes, comments, shares,
           coalesce(watch_time_minutes, 0) as watch_time_minutes
    from metric_snapshots
    order by platform, external_id, (captured_at at time zone 'UTC')::date, captured_at desc
),
deltas as (
    select platform, day,
           views - lag(views, 1, 0::bigint) over w                              as views,
           engaged_views - lag(engaged_views, 1, 0::bigint) over w              as engaged_views,
           likes - lag(likes, 1, 0::bigint) over w                              as likes,
           comments - lag(comments, 1, 0::bigint) over w                        as comments,
           shares - lag(shares, 1, 0::bigint) over w                            as shares,
           watch_time_minutes - lag(watch_time_minutes, 1, 0::double precision) over w as watch_time_minutes
    from last_of_day
    window w as (partition by platform, external_id order by day)
)
select platform, day,
       sum(views)::bigint as views, sum(engaged_views)::bigint as engaged_views, sum(likes)::bigint as likes,
       sum(comments)::bigint as comments, sum(shares)::bigint as shares,
       sum(watch_time_minutes) as watch_time_minutes, count(*) as videos_measured
from deltas
group by platform, day;
-- unique, so the refresh can run concurrently with readers
create unique index channel_daily_deltas_key on channel_daily_deltas (platform, day);

-- Rolling 14-day sums per channel for every day from its first measured day to its last (days without data
-- count as zero gain), with daily averages over the 14 days and the engagement rate of the window.
create view channel_kpis_rolling_14d as
with bounds as (
    select platform, min(day) as first_day, max(day) as last_day from channel_daily_deltas group by platform
),
calendar as (
    select b.platform, d::date as day
    from bounds b, generate_series(b.first_day, b.last_day, interval '1 day') d
),
daily as (
    select c.platform, c.day,
           coalesce(d.views, 0) as views, coalesce(d.engaged_views, 0) as engaged_views,
           coalesce(d.likes, 0) as likes, coalesce(d.comments, 0) as comments, coalesce(d.shares, 0) as shares,
           coalesce(d.watch_time_minutes, 0) as watch_time_minutes
    from calendar c
    left join channel_daily_deltas d on d.platform = c.platform and d.day = c.day
),
rolling as (
    select platform, day,
           sum(views) over w          as views_14d,
           sum(engaged_views) over w  as engaged_views_14d,
           sum(likes) over w          as likes_14d,
           sum(comments) over w       as comments_14d,
           sum(shares) over w         as shares_14d,
           sum(watch_time_minutes) over w as watch_time_minutes_14d
    from daily
    window w as (partition by platform order by day rows between 13 preceding and current row)
)
select platform, day,
       views_14d::bigint, engaged_views_14d::bigint, likes_14d::bigint, comments_14d::bigint, shares_14d::bigint,
       watch_time_minutes_14d,
       views_14d / 14.0 as average_daily_views,
       (likes_14d + comments_14d + shares_14d) / 14.0 as average_daily_engagements,
       (likes_14d + comments_14d + shares_14d)::double precision / nullif(views_14d, 0) as engagement_rate
from rolling;
