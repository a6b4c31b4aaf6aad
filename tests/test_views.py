"""Each view: rows given (tests/fixtures/warehouse/views.yaml), expected rows out, on a real DuckDB file."""
from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml

from tests.test_warehouse import FIXTURES, load_given
from warehouse import sqlfiles
from warehouse.db import open_warehouse

CASES = yaml.safe_load((FIXTURES / "views.yaml").read_text(encoding="utf-8"))


def norm(value):
    """Compare across YAML and DuckDB: dates as ISO text, numbers as floats (NaN = NULL)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else round(float(value), 6)
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_view_gives_expected_rows(tmp_path, case):
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, case["given"])
        cursor = con.execute(case["query"])
        names = [d[0] for d in cursor.description]
        got = [{k: norm(v) for k, v in zip(names, row)} for row in cursor.fetchall()]
    want = [{k: norm(v) for k, v in row.items()} for row in case["expect"]]
    assert got == want


def test_every_view_has_a_case_and_opens_with_its_grain():
    tested = {c["view"] for c in CASES}
    for name, sql in sqlfiles.views():
        assert sql.startswith("-- Grain: one row per"), f"{name} must open with its grain"
        view = name[3:-4]
        assert f"CREATE OR REPLACE VIEW {view} AS" in sql
        assert view in tested, f"views.yaml has no case for {view}"



def test_country_posture_of_the_seed_article_coded_by_our_coder(tmp_path, seed_html, shared_dir):
    """End to end on the seed: parse + code the article, load it, and read the postures the gold file states."""
    parse = pytest.importorskip("transforms.parse")
    coder = pytest.importorskip("transforms.coder")
    from transforms.models import RawPage
    from warehouse.db import LoadBatch, refresh_views, save_batch

    page = RawPage(source_id="seed", url="file:///seed/idsa-central-asia-taliban-2024-02-19.html",
                   final_url="file:///seed/idsa-central-asia-taliban-2024-02-19.html", status=200,
                   content_type="text/html", body=seed_html, fetched_at=dt.datetime(2024, 2, 20, 8, 0))
    doc = parse.parse_document(page)
    events = coder.code_document(doc)
    gold = yaml.safe_load((shared_dir / "eval" / "gold" / "idsa-central-asia-taliban-2024-02-19.yaml").read_text())
    with open_warehouse(tmp_path / "seed.duckdb") as con:      # the real reference data from transforms/data
        save_batch(con, LoadBatch("seed", documents=[doc], events={doc.doc_id: events},
                                  coder_version=coder.CODER_VERSION))
        refresh_views(con)
        posture = dict(con.execute("SELECT state, posture FROM country_posture").fetchall())
    assert posture == gold["postures"]
