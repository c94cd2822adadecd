"""Views: what the CLI, the HTTP API and the report show, as plain rows."""
