"""The only package that speaks SQL: connections, migrations, named queries,
snapshot publishing and the read-only SQL sandbox."""
