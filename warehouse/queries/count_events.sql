-- How many events a full engagements rebuild reads (refresh_views sizes its slices by it).
SELECT count(*) FROM events;
