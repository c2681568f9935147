"""A stand-alone tool of the monorepo example: it shares nothing with libs/ and services/."""

import sys

if __name__ == "__main__":
    print(" ".join(sys.argv[1:]))
