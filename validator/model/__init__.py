"""The model stage: Document -> Record[Claim] | Record[Source]; the pydantic records are the
single source of truth for what a record holds, and schema/*.json is generated from them."""
