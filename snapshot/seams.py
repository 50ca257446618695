"""The crawler's injectable outside world: sleeping, the monotonic clock and file replacement.

Tests pass their own `Seams` (a fake clock whose sleep advances time; a replace that raises) instead of
patching our modules. Production uses the defaults.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Seams:
    sleep: Callable[[float], None] = time.sleep
    monotonic: Callable[[], float] = time.monotonic
    replace: Callable[[str, str], None] = os.replace       # publishing the snapshot (replace_file_with_retry)
    replace_checkpoint: Callable[[str, str], None] = os.replace  # the checkpoint file's tmp → file rename


REAL = Seams()
