-- Write everything in the write-ahead log into the file (the end of a refresh: no log is left for other clients).
CHECKPOINT;
