"""workshop-app: plan, run and report in-person workshops, offline."""

__version__ = "0.1.0"
