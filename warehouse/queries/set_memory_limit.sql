-- Cap DuckDB's buffer pool for this connection's database (beyond it DuckDB evicts cached blocks and spills).
SET memory_limit = $memory_limit;
