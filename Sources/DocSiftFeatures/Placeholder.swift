// Stage placeholder: filled in by its issue.
