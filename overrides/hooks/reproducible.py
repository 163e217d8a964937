"""Date every build from the last commit, so two builds of it are identical.

MkDocs, mkdocs-static-i18n's sitemap and the citation year read
``SOURCE_DATE_EPOCH``; when it is unset, this sets it to the time of the
last commit (or leaves it unset outside a git checkout).

Events: ``on_startup``.
"""

from __future__ import annotations

import os
import subprocess
from typing import Literal


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
    )
    if result.returncode == 0 and result.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()
