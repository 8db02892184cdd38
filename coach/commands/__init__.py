"""The small commands of `backcoach`, one module per subject; coach.cli parses and dispatches."""
