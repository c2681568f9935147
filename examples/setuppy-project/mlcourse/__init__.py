"""Course package: the code students import in notebooks."""
