-- 006: what a refresh needs to skip reading a local file (a `files` source) that has not changed since its last
-- successful read (flows/fetch.py file_skip_reason): the file's stat taken when it was read. NULL for fetches
-- over HTTP and for reads made before this migration (those files are read once more, then skipped).
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS file_size BIGINT;         -- st_size, bytes
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS file_mtime_ns BIGINT;     -- st_mtime_ns, ns since the epoch
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS file_inode UBIGINT;       -- st_ino (a file replaced by a rename)
