"""Not installed as a package (package-mode = false): imported from the checkout."""
