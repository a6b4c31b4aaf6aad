-- Keep committed writes in the write-ahead log when this connection closes (see open_warehouse): checkpoint only
-- when the log passes checkpoint_threshold, or on an explicit CHECKPOINT (warehouse/queries/checkpoint.sql).
PRAGMA disable_checkpoint_on_shutdown;
