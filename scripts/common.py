"""What the benchmark and evaluation scripts share: the repository root, the dev questions and
writing a result file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUESTIONS = ROOT / "tests" / "data" / "questions.dev.jsonl"
BENCH = ROOT / ".vnreport" / "bench"


def dev_questions() -> list[str]:
    """The 76 dev questions written by reading the seed, in file order."""
    return [json.loads(line)["question"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line]


def write_json(path: str | Path, data: dict) -> None:
    """`data` as indented JSON at `path` (atomically; its folder made as needed)."""
    from nlp.fileio import atomic_write_text

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))
