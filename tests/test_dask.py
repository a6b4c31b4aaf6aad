"""Scale-out: the refresh on a real local Dask cluster (worker processes on 127.0.0.1) gives the same warehouse
as the default thread runner; parse + code run on the workers, loads stay in the flow's process."""
from __future__ import annotations

import os
import pathlib
import shutil

import duckdb
import pytest
from distributed import Client, LocalCluster

from tests.benchcorpus import write_corpus
from tests.conftest import REPO, write_sources

pytestmark = pytest.mark.usefixtures("prefect_harness")


def import_coder() -> str:
    import transforms.coder.pipeline as pipeline   # code_document imports it on first use

    return pipeline.__file__


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        # load the coder here and on every worker at the same moment, so both runs use the same code even
        # while someone edits the working tree
        with Client(local) as client:
            assert set(client.run(import_coder).values()) == {import_coder()}
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 6, seed=3)
    for sample in sorted((REPO / "samples").glob("*.html")):
        shutil.copy(sample, folder / sample.name)
    return folder


def rows(db: pathlib.Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def refresh(folder: pathlib.Path, corpus: pathlib.Path, runner: str = "") -> tuple[dict, pathlib.Path]:
    from flows.config import load_config
    from flows.refresh import flow_for

    folder.mkdir()
    sources = write_sources(folder, f"batch_size: 3\n{runner}sources:\n  - id: corpus\n    kind: files\n"
                                    f"    path: {corpus}/*.html\n")
    db = folder / "w.duckdb"
    return flow_for(load_config(sources))(sources_path=str(sources), db_path=str(db)), db


DOCS = "SELECT doc_id, url, title, published_at, text_hash FROM documents ORDER BY doc_id"
EVENTS = ("SELECT event_id, doc_id, actor1, actor2, event_type, event_date, date_precision, quantity_value, evidence "
          "FROM events ORDER BY event_id")


def test_dask_cluster_gives_the_same_documents_and_events(cluster, corpus: pathlib.Path,
                                                           tmp_path: pathlib.Path) -> None:
    pages = len(list(corpus.glob("*.html")))
    threads, thread_db = refresh(tmp_path / "thread", corpus)
    on_dask, dask_db = refresh(tmp_path / "dask", corpus,
                               f"task_runner:\n  kind: dask\n  address: {cluster.scheduler_address}\n")
    assert threads["counts"]["documents_parsed"] == on_dask["counts"]["documents_parsed"] == pages
    assert on_dask["counts"]["parse_failed"] == 0
    assert rows(dask_db, DOCS) == rows(thread_db, DOCS)
    events = rows(dask_db, EVENTS)
    assert events == rows(thread_db, EVENTS)
    assert len(events) >= pages                      # the bench pages are full of events
    # every batch of pages (3 per batch) was parsed and coded by a worker process, not in the flow's process
    done_on_workers = cluster.scheduler.task_prefixes["process_batch"].state_counts["memory"]
    assert done_on_workers == -(-pages // 3)


def test_environment_address_overrides_sources_yaml(cluster, monkeypatch, tmp_path: pathlib.Path) -> None:
    from flows.config import load_config
    from flows.refresh import task_runner_for, uses_dask

    sources = write_sources(tmp_path, "sources:\n  - id: s\n    kind: files\n    path: '*.html'\n")
    config = load_config(sources)
    monkeypatch.delenv("CARAVAN_DASK_ADDRESS", raising=False)
    assert not uses_dask(config) and task_runner_for(config) is None
    monkeypatch.setenv("CARAVAN_DASK_ADDRESS", cluster.scheduler_address)
    runner = task_runner_for(config)
    assert uses_dask(config) and runner.address == cluster.scheduler_address
    assert os.environ["CARAVAN_DASK_ADDRESS"].startswith("tcp://127.0.0.1:")
