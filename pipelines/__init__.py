"""Everything that fetches, parses and analyses, and the `rivalwatch` CLI."""

ANALYZER_VERSION = "0.2.0"
