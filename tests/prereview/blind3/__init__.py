"""Third blind document set for pre-review (issue #10): generator and truth, no engine code."""
