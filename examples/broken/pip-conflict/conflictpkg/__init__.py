"""Package whose declared dependencies disagree with the pins."""
