"""Use cases: one transaction each, frozen snapshots out, typed errors on failure."""
