"""Run a command that must exit with a given code (a rejected file exits 1)."""

import subprocess
import sys

code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
sys.exit(0 if code == int(sys.argv[1]) else 99)
