"""Fourth blind document set for pre-review (generator only; see README.md)."""
