"""Synthetic practice data (Faker fr_FR) for the demo, the workshop and the benchmarks."""
