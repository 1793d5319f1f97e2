"""Neutral rewrites of a flagged comment: suggestions, clauses and tidy French punctuation."""
