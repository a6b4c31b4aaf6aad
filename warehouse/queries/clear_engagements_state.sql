-- A build is done: no document is pending any more, and the previous build's inputs are forgotten.
DELETE FROM engagements_pending;
DELETE FROM engagements_built;
