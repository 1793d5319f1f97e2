"""Finding sensitive passages: the lexicon, normalisation, the matcher, context checks,
qualifiers, identifiers, practice terms, categories and the Finding type."""
