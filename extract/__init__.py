"""Articles in, dated sourced events out."""
