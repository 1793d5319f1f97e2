"""The encrypted, tamper-evident local log of what the practice checked and fixed.

- :mod:`.log` — writing and reading: ``open_log``, ``AuditLog`` (append / events / rotate_key),
  ``record_event`` and ``record_edits`` for the CLI and the app;
- :mod:`.verify` — checking the chain and the head, naming the first bad record;
- :mod:`.export` — the decrypted log as CSV or JSON for the practice's GDPR register;
- :mod:`.events` — payload builders, the clear-text guard, keyed hashes of texts, French summaries;
- :mod:`.keys` — where the key lives (OS keyring or passphrase-wrapped file) and its states;
- :mod:`.records` — AES-256-GCM records and the hash chain; :mod:`.head` — the head kept outside
  the database; :mod:`.lock` — one writer at a time across processes.
"""
