"""A restructuring keeps behaviour: the same entities, figures and hits as the snapshot that
scripts/snapshot_behaviour.py wrote before it (seed, the written reports, 20 external dev
documents; the dev questions on the seed index), with the local and the Milvus backend alike.

When a change alters behaviour on purpose (a rule fixed), rerun the script and say so in the
commit; the snapshot is a tripwire for refactors, not a gold standard.
"""

from __future__ import annotations

import json

import pytest

from scripts.snapshot_behaviour import OUT, documents, extract_snapshot, hits_snapshot

EXTRACTS = json.loads((OUT / "extract.json").read_text(encoding="utf-8"))
HITS = json.loads((OUT / "hits.json").read_text(encoding="utf-8"))


def _rounded(snapshot: dict) -> dict:
    return {"entities": snapshot["entities"],
            "figures": [[s, e, None if v is None else round(v, 6), *rest] for s, e, v, *rest in snapshot["figures"]]}


@pytest.mark.slow
@pytest.mark.parametrize("key, path", documents(), ids=[key for key, _ in documents()])
def test_same_entities_and_figures(key, path):
    if key not in EXTRACTS:
        pytest.skip(f"{key} not in the snapshot (external data missing when it was written)")
    assert _rounded(extract_snapshot(path)) == _rounded(EXTRACTS[key])


@pytest.mark.slow
def test_same_hits_local(seed_index):
    assert hits_snapshot(seed_index) == HITS


@pytest.mark.slow
def test_same_hits_milvus(milvus_seed):
    assert hits_snapshot(milvus_seed) == HITS
