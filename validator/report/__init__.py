"""The dataset for a reader: each claim's figure, verdict and checks (review), in a terminal, in
Markdown or JSON (console), as an HTML page with rate charts (page), as ClaimReview,
CSV and a data package (exports), and the figures of each source's text (listing)."""
