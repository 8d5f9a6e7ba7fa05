"""The family search page: reading its address, building the query, recovering from nothing."""
