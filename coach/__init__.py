"""backcoach: a terminal coach for the back pain that sitting causes."""

__version__ = "0.1.0"
