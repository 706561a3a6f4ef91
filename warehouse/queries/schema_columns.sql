-- The tables and views of the snapshot with their columns and types, for the
-- SQL workbench's schema panel. Views first (they are the documented
-- contract), then tables. No parameters.
SELECT CASE WHEN v.view_name IS NOT NULL THEN 'view' ELSE 'table' END AS kind,
       c.table_name AS name, c.column_name AS column_name, c.data_type, c.column_index
FROM duckdb_columns() c
LEFT JOIN duckdb_views() v
  ON v.database_name = c.database_name AND v.schema_name = c.schema_name
 AND v.view_name = c.table_name
WHERE c.database_name = current_database() AND c.schema_name = 'main'
  AND c.table_name NOT LIKE 'duckdb_%' AND c.table_name NOT LIKE 'sqlite_%'
  AND c.table_name NOT LIKE 'pragma_%'
ORDER BY kind DESC, name, c.column_index
