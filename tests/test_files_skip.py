"""A `files` refresh with nothing changed does not read the files again (issue #7): a local file whose size, mtime
and inode are those its last successful read recorded is skipped, with its reason in `fetches` and the run's
counts; `--revalidate` reads every file. Real files in tmp_path, a real DuckDB file, real Prefect flow runs.

The proof that a skipped file is not read: its bytes are changed in place (same size, same inode) and its mtime is
set back to the recorded one, the one blind spot of the rule; the rerun keeps the old text, `--revalidate` reads
the new one. (The tests run as root here, so `chmod 000` would not stop a read.)"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import time

import duckdb
import pytest
from click.testing import CliRunner

from flows.fetch import SKIP_FILE, file_skip_reason
from tests.conftest import write_sources
from transforms.coder import CODER_VERSION

UTC = dt.timezone.utc
HOUR_NS = 3600 * 10**9

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T07:30:00+00:00"></head>
<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"""

STORIES = {
    "wheat.html": ("Kazakh wheat for Afghanistan", "2024-06-11", [
        "On 10 June 2024 Kazakhstan agreed to send 3,000 tonnes of wheat flour to Afghanistan before the winter.",
        "A trade ministry statement said the first trains would leave Almaty within a month."]),
    "rail.html": ("Uzbek rail talks", "2024-06-13", [
        "On 12 June 2024 Uzbek officials met Taliban representatives in Termez to discuss a railway line.",
        "The line would run from Termez to Mazar-i-Sharif."]),
    "border.html": ("Tajik border post", "2024-06-15", [
        "On 14 June 2024 Tajik guards reported gunfire from the Afghan side of the Panj river near a border post.",
        "The Tajik foreign ministry summoned the Afghan charge d'affaires in Dushanbe to protest."]),
}


def page(name: str, extra: str = "") -> bytes:
    title, date, sentences = STORIES[name]
    return PAGE.format(title=title, date=date, paragraphs="".join(f"<p>{s}</p>" for s in sentences + [extra] if s)
                       ).encode("utf-8")


def put(path: pathlib.Path, body: bytes, mtime_ns: int) -> None:
    """Write a file and date it `mtime_ns` (an hour in the past: not 'just modified' when it is read)."""
    path.write_bytes(body)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def overwrite_in_place(path: pathlib.Path, body: bytes) -> None:
    """New bytes into the same inode (no rename), as an in-place editor or `rsync --inplace` does."""
    with open(path, "r+b") as handle:
        handle.write(body)
        handle.truncate()


@pytest.fixture()
def desk(tmp_path: pathlib.Path) -> pathlib.Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    past = time.time_ns() - HOUR_NS
    for name in STORIES:
        put(folder / name, page(name), past)
    return folder


def sources_for(tmp_path: pathlib.Path, extra: str = "") -> pathlib.Path:
    return write_sources(tmp_path, f"{extra}sources:\n  - id: desk\n    kind: files\n    path: desk/*.html\n")


def refresh(tmp_path: pathlib.Path, **kwargs) -> dict:
    from flows.refresh import refresh_flow

    return refresh_flow(sources_path=str(sources_for(tmp_path)), db_path=str(tmp_path / "w.duckdb"), **kwargs)


def rows(tmp_path: pathlib.Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def events(tmp_path: pathlib.Path) -> list[tuple]:
    return rows(tmp_path, "SELECT event_id, doc_id FROM events ORDER BY 1")


def text_of(tmp_path: pathlib.Path, path: pathlib.Path) -> str:
    ((text,),) = rows(tmp_path, "SELECT text FROM documents WHERE url = ?", [path.resolve().as_uri()])
    return text


def outcomes(tmp_path: pathlib.Path, run_id: str) -> dict[str, tuple]:
    """file name -> (outcome, skip_reason, attempts) of the run's fetch rows."""
    return {url.rsplit("/", 1)[-1]: (outcome, reason, attempts) for url, outcome, reason, attempts in rows(
        tmp_path, "SELECT url, outcome, skip_reason, attempts FROM fetches WHERE run_id = ?", [run_id])}


# ------------------------------------------------------------------------------------------------- the rule


def test_file_skip_rule(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "a.html"
    mtime = time.time_ns() - HOUR_NS
    put(path, b"<p>one</p>", mtime)
    info = os.stat(path)
    read_at = dt.datetime.fromtimestamp(mtime / 1e9 + 60, UTC)
    basis = {"file_size": info.st_size, "file_mtime_ns": mtime, "file_inode": info.st_ino, "read_at": read_at,
             "failed_at": None, "coder_version": CODER_VERSION}
    assert file_skip_reason(basis, info, coder_version=CODER_VERSION) == SKIP_FILE
    assert file_skip_reason({**basis, "read_at": read_at.replace(tzinfo=None)}, info) == SKIP_FILE   # DuckDB's naive UTC
    # read everything: --revalidate / force, nothing known, no stat (the read will say why), a directory
    assert file_skip_reason(basis, info, mode="always") is None
    assert file_skip_reason(None, info) is None and file_skip_reason(basis, None) is None
    assert file_skip_reason(basis, os.stat(tmp_path)) is None
    # read before migration 006 recorded a stat
    assert file_skip_reason({**basis, "file_size": None, "file_mtime_ns": None, "file_inode": None}, info) is None
    # any part of the stat moved: size, mtime (even backwards, even by 1 ns), inode (replaced by a rename)
    assert file_skip_reason({**basis, "file_size": info.st_size + 1}, info) is None
    assert file_skip_reason({**basis, "file_mtime_ns": mtime + 1}, info) is None
    assert file_skip_reason({**basis, "file_mtime_ns": mtime - 1}, info) is None
    assert file_skip_reason({**basis, "file_inode": info.st_ino + 1}, info) is None
    # a failed read since the last good one is retried; a failure before it does not matter
    assert file_skip_reason({**basis, "failed_at": read_at + dt.timedelta(seconds=1)}, info) is None
    assert file_skip_reason({**basis, "failed_at": read_at - dt.timedelta(seconds=1)}, info) == SKIP_FILE
    # its document coded by another coder (an upgrade since): read, so that it is coded again
    assert file_skip_reason({**basis, "coder_version": "0.0.1"}, info, coder_version=CODER_VERSION) is None
    assert file_skip_reason({**basis, "coder_version": None}, info, coder_version=CODER_VERSION) is None
    # modified within 2 s before it was read: a later write in the same timestamp tick could keep size and mtime
    just_after = dt.datetime.fromtimestamp(mtime / 1e9 + 1.5, UTC)
    assert file_skip_reason({**basis, "read_at": just_after}, info) is None
    assert file_skip_reason({**basis, "read_at": just_after}, info, racy_seconds=1.0) == SKIP_FILE


# ------------------------------------------------------------------------------------------ end to end


@pytest.mark.usefixtures("prefect_harness")
def test_unchanged_files_are_not_read_again(tmp_path: pathlib.Path, desk: pathlib.Path) -> None:
    first = refresh(tmp_path)
    c = first["counts"]
    assert c["fetched"] == 3 and c["documents_parsed"] == 3 and c["skipped"] == 0 and c["events_added"] > 0
    loaded = events(tmp_path)
    stats = rows(tmp_path, "SELECT url, file_size, file_mtime_ns, file_inode FROM fetches WHERE run_id = ? ORDER BY 1",
                 [first["run_id"]])
    assert stats == sorted((p.resolve().as_uri(), os.stat(p).st_size, os.stat(p).st_mtime_ns, os.stat(p).st_ino)
                           for p in desk.iterdir())

    second = refresh(tmp_path)
    c = second["counts"]
    assert c["skipped"] == c["skipped_file_stat"] == 3
    assert c["fetched"] == c["fetch_failed"] == c["documents_parsed"] == c["documents_unchanged"] == 0
    assert c["events_added"] == c["events_removed"] == 0 and events(tmp_path) == loaded
    assert second["sources"][0]["skipped"] == 3 and second["sources"][0]["status"] == "ok"
    assert second["status"] == "completed" and second["counts"]["checks_failed"] == 0
    assert outcomes(tmp_path, second["run_id"]) == {name: ("skipped", SKIP_FILE, 0) for name in STORIES}
    ((counts_json,),) = rows(tmp_path, "SELECT counts_json FROM runs WHERE run_id = ?", [second["run_id"]])
    assert json.loads(counts_json)["skipped_file_stat"] == 3
    assert second["totals"]["documents"] == 3

    # the proof that a skipped file is not read: new bytes of the same size in the same inode, the mtime set back
    # to the recorded one (the rule's blind spot): the rerun does not see them
    rail = desk / "rail.html"
    before = os.stat(rail)
    changed = page("rail.html").replace(b"to Mazar", b"to Herat")
    assert len(changed) == before.st_size and changed != rail.read_bytes()
    overwrite_in_place(rail, changed)
    os.utime(rail, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(rail).st_size, os.stat(rail).st_mtime_ns, os.stat(rail).st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)
    third = refresh(tmp_path)
    assert third["counts"]["skipped_file_stat"] == 3 and third["counts"]["fetched"] == 0
    assert "Mazar-i-Sharif" in text_of(tmp_path, rail) and "Herat" not in text_of(tmp_path, rail)

    # --revalidate reads every file: the two unchanged ones are unchanged documents, the edited one is re-coded
    fourth = refresh(tmp_path, revalidate="always")
    c = fourth["counts"]
    assert c["fetched"] == 3 and c["skipped"] == 0
    assert c["documents_parsed"] == 1 and c["documents_unchanged"] == 2
    assert "Herat" in text_of(tmp_path, rail)
    assert {o for o, _, _ in outcomes(tmp_path, fourth["run_id"]).values()} == {"ok"}
    # and the next plain run skips again, on the stat that read recorded
    assert refresh(tmp_path)["counts"]["skipped_file_stat"] == 3
    # force reads (and re-codes) everything too
    forced = refresh(tmp_path, force=True)
    assert forced["counts"]["fetched"] == 3 and forced["counts"]["documents_parsed"] == 3
    assert forced["counts"]["skipped"] == 0


@pytest.mark.usefixtures("prefect_harness")
def test_edited_file_is_recoded_and_touched_file_is_read_only(tmp_path: pathlib.Path, desk: pathlib.Path) -> None:
    refresh(tmp_path)
    loaded = events(tmp_path)
    wheat, border = desk / "wheat.html", desk / "border.html"
    # an edit: new content, new mtime (written in place; the mtime a minute later than the first one)
    later = os.stat(wheat).st_mtime_ns + 60 * 10**9
    overwrite_in_place(wheat, page("wheat.html", "On 20 June 2024 Uzbekistan agreed to send 500 tonnes of rice "
                                                 "to Afghanistan."))
    os.utime(wheat, ns=(later, later))
    # a touch: the same bytes, a new mtime
    os.utime(border, ns=(later, later))
    run = refresh(tmp_path)
    c = run["counts"]
    assert c["fetched"] == 2 and c["skipped_file_stat"] == 1
    assert c["documents_parsed"] == 1 and c["documents_unchanged"] == 1   # the touched file: read, not re-coded
    assert outcomes(tmp_path, run["run_id"]) == {"wheat.html": ("ok", None, 1), "border.html": ("ok", None, 1),
                                                 "rail.html": ("skipped", SKIP_FILE, 0)}
    assert "rice" in text_of(tmp_path, wheat)
    after = events(tmp_path)
    wheat_doc = rows(tmp_path, "SELECT doc_id FROM documents WHERE url = ?", [wheat.resolve().as_uri()])[0][0]
    # only the edited document's events can differ; the others are kept as they were
    assert [e for e in after if e[1] != wheat_doc] == [e for e in loaded if e[1] != wheat_doc]
    assert c["events_added"] + c["events_removed"] > 0
    # both are skipped from now on
    again = refresh(tmp_path)
    assert again["counts"]["skipped_file_stat"] == 3 and events(tmp_path) == after


@pytest.mark.usefixtures("prefect_harness")
def test_deleted_and_replaced_files(tmp_path: pathlib.Path, desk: pathlib.Path) -> None:
    refresh(tmp_path)
    loaded = events(tmp_path)
    rail = desk / "rail.html"
    old = os.stat(rail)
    body = rail.read_bytes()
    rail.unlink()
    # a deleted file is no longer listed, as before: nothing of it is removed from the warehouse
    run = refresh(tmp_path)
    c = run["counts"]
    assert c["skipped_file_stat"] == 2 and c["fetched"] == 0 and c["events_removed"] == 0
    assert set(outcomes(tmp_path, run["run_id"])) == {"wheat.html", "border.html"}
    assert events(tmp_path) == loaded and run["totals"]["documents"] == 3
    # the same bytes and mtime back under a new inode (restored by a copy, or written then renamed into place):
    # read again, an unchanged document
    put(rail, body, old.st_mtime_ns)
    if os.stat(rail).st_ino == old.st_ino:
        pytest.skip("the filesystem reused the inode")
    back = refresh(tmp_path)
    assert back["counts"]["fetched"] == 1 and back["counts"]["documents_unchanged"] == 1
    assert back["counts"]["skipped_file_stat"] == 2 and events(tmp_path) == loaded


@pytest.mark.usefixtures("prefect_harness")
def test_failed_read_and_older_coder_are_read_again(tmp_path: pathlib.Path, desk: pathlib.Path) -> None:
    from flows.refresh import refresh_flow

    # a limit the first versions fit under
    sources = sources_for(tmp_path, "fetch:\n  max_bytes: 4000\n")
    db = str(tmp_path / "w.duckdb")
    refresh_flow(sources_path=str(sources), db_path=db)
    loaded = events(tmp_path)
    border = desk / "border.html"
    good = os.stat(border)
    body = border.read_bytes()
    # the file grows past the limit: read, refused (a failed row)
    overwrite_in_place(border, body + b"<!--" + b"x" * 5000 + b"-->")
    failed = refresh_flow(sources_path=str(sources), db_path=db)
    assert failed["counts"]["fetch_failed"] == 1 and failed["counts"]["skipped_file_stat"] == 2
    # then it is put back exactly as it was when last read well (same bytes, size, mtime, inode): the failure
    # since that read means it is read again, not skipped
    overwrite_in_place(border, body)
    os.utime(border, ns=(good.st_atime_ns, good.st_mtime_ns))
    retried = refresh_flow(sources_path=str(sources), db_path=db)
    assert retried["counts"]["fetched"] == 1 and retried["counts"]["fetch_failed"] == 0
    assert retried["counts"]["documents_unchanged"] == 1 and events(tmp_path) == loaded
    assert refresh_flow(sources_path=str(sources), db_path=db)["counts"]["skipped_file_stat"] == 3

    # a document coded by another coder version (as after an upgrade): its file is read and coded again
    con = duckdb.connect(db)
    try:
        con.execute("UPDATE documents SET coder_version = '0.0.1' WHERE url = ?", [border.resolve().as_uri()])
    finally:
        con.close()
    upgraded = refresh_flow(sources_path=str(sources), db_path=db)
    assert upgraded["counts"]["fetched"] == 1 and upgraded["counts"]["skipped_file_stat"] == 2
    assert upgraded["counts"]["documents_parsed"] == 1 and events(tmp_path) == loaded
    assert rows(tmp_path, "SELECT DISTINCT coder_version FROM documents") == [(CODER_VERSION,)]

    # reads recorded before migration 006 (no stat): every file is read once more, then skipped
    con = duckdb.connect(db)
    try:
        con.execute("UPDATE fetches SET file_size = NULL, file_mtime_ns = NULL, file_inode = NULL")
    finally:
        con.close()
    again = refresh_flow(sources_path=str(sources), db_path=db)
    assert again["counts"]["fetched"] == 3 and again["counts"]["documents_unchanged"] == 3
    assert refresh_flow(sources_path=str(sources), db_path=db)["counts"]["skipped_file_stat"] == 3
    assert events(tmp_path) == loaded


@pytest.mark.usefixtures("prefect_harness")
def test_cli_revalidate_reads_every_file(tmp_path: pathlib.Path, desk: pathlib.Path) -> None:
    from flows.cli import cli

    args = ["refresh", "--sources", str(sources_for(tmp_path)), "--db", str(tmp_path / "w.duckdb")]
    runner = CliRunner()
    assert runner.invoke(cli, args).exit_code == 0
    plain = runner.invoke(cli, args)
    assert plain.exit_code == 0, plain.output
    assert "3 local files unchanged (size, mtime)" in plain.output
    again = runner.invoke(cli, args + ["--revalidate", "--json"])
    assert again.exit_code == 0, again.output
    c = json.loads(again.output[again.output.index("{"):])["counts"]
    assert c["fetched"] == 3 and c["skipped"] == 0 and c["documents_unchanged"] == 3


def test_listing_gives_the_same_urls_as_resolving_each_file(tmp_path: pathlib.Path, monkeypatch) -> None:
    """discover_files resolves each folder once (file_uri): the URLs, hence the document ids, are those that
    resolving every file gave, through a symlinked file, a symlinked folder and a relative pattern."""
    from flows.refresh import file_uri, regular_file

    real = tmp_path / "real"
    real.mkdir()
    (real / "a.html").write_text("a")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (tmp_path / "b.html").symlink_to(real / "a.html")
    (tmp_path / "dangling.html").symlink_to(tmp_path / "nowhere.html")
    monkeypatch.chdir(tmp_path)
    folders: dict = {}
    for name in ("real/a.html", "linked/a.html", "b.html", str(tmp_path / "linked" / "a.html"), "./real/a.html"):
        info, link = regular_file(name)
        assert info.st_ino == os.stat(real / "a.html").st_ino and link == (name == "b.html")
        path = pathlib.Path(name)
        assert file_uri(path, link, folders) == path.resolve().as_uri() == (real / "a.html").resolve().as_uri()
    assert regular_file("dangling.html") is None and regular_file("real") is None and regular_file("gone") is None
