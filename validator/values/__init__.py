"""Pure values: findings and rule declarations, intervals, written figures, amounts, units, rates
and text. Nothing here reads a record file or knows the dataset."""
