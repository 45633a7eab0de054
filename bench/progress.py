"""The bench's progress lines, on stderr (stdout carries the table)."""

import sys
import time


def step(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
