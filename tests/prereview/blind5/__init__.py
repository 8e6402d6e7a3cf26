"""Fifth blind pre-review set: a new centre's own guides and the uploads of its applicants."""
