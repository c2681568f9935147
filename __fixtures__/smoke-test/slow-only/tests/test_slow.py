"""The only test hangs, after starting a child process: auto must not run it, a timeout must stop both."""

import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).parent.parent


def test_slow():
    (ROOT / "ran-slow").write_text("the slow test ran\n")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    (ROOT / "child.pid").write_text(str(child.pid))
    time.sleep(600)
