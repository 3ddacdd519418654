-- Alerts on a call (e.g. a recording paused longer than pci.max_pause_seconds), one per line.
ALTER TABLE calls ADD COLUMN alerts TEXT NOT NULL DEFAULT '';
