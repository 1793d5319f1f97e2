"""The encrypted, tamper-evident local log of what the practice checked and fixed.

- :mod:`.log` — ``open_log``, ``AuditLog`` (append / events / verify / rotate_key),
  ``record_event`` and ``record_edits`` for the CLI and the app, ``export_events``;
- :mod:`.events` — payload builders, the clear-text guard, keyed hashes of texts, French summaries;
- :mod:`.keys` — where the key lives (OS keyring or passphrase-wrapped file) and its states;
- :mod:`.records` — AES-256-GCM records and the hash chain; :mod:`.head` — the head kept outside
  the database; :mod:`.lock` — one writer at a time across processes.
"""
