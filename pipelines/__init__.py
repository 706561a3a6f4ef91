"""Everything that fetches, parses and analyses, and the `rivalwatch` CLI."""

# Stored with every analysis (item_analysis.analyzer_version): raise it with
# every change to the rules, cues or sentence splitting, so that `rivalwatch
# reanalyze` and a refresh that meets an item again know which analyses are
# from older rules. 0.5: session 5's rules (negation scope, cue additions).
ANALYZER_VERSION = "0.5.0"
