"""sources.yaml validation: every bad file is one line naming the entry and the key."""
from __future__ import annotations

import pathlib

import pytest

from flows.config import ConfigError, FeedSource, FilesSource, PageSource, load_config

CASES = {
    "invalid YAML": ("sources: [\n  - id: a\n", "invalid YAML at line"),
    "empty file": ("", "the file is empty"),
    "no sources key": ("schedule: {cron: '0 6 * * *'}\n", "missing key 'sources'"),
    "sources not a list": ("sources: {id: a}\n", "'sources' must be a list"),
    "unknown kind": ("sources:\n  - id: a\n    kind: podcast\n    url: https://x.org\n",
                     "sources[0] (id 'a'): key 'kind': unknown kind 'podcast'"),
    "missing kind": ("sources:\n  - id: a\n    url: https://x.org\n", "sources[0] (id 'a'): missing key 'kind'"),
    "missing url": ("sources:\n  - id: a\n    kind: page\n", "sources[0] (id 'a'): key 'url': missing"),
    "wrong type": ("sources:\n  - id: a\n    kind: page\n    url: [1, 2]\n",
                   "sources[0] (id 'a'): key 'url': Input should be a valid string"),
    "not a URL": ("sources:\n  - id: a\n    kind: page\n    url: idsa.in/x\n",
                  "sources[0] (id 'a'): key 'url': url 'idsa.in/x' must be an absolute http(s) URL"),
    "duplicate ids": ("sources:\n  - id: a\n    kind: files\n    path: x\n  - id: a\n    kind: files\n    path: y\n",
                      "sources[1] (id 'a'): key 'id': duplicate of sources[0]"),
    "unknown key": ("sources:\n  - id: a\n    kind: files\n    path: x\n    colour: red\n",
                    "sources[0] (id 'a'): key 'colour': unknown key"),
    "bad slug": ("sources:\n  - id: 'Has Spaces'\n    kind: files\n    path: x\n",
                 "key 'id': id 'Has Spaces' must be a lower-case slug"),
    "bad schedule": ("schedule: {cron: '0 6 * * *', interval: 60}\nsources:\n  - id: a\n    kind: files\n    path: x\n",
                     "key 'schedule': give exactly one of 'cron' or 'interval'"),
    "negative interval": ("sources:\n  - id: a\n    kind: files\n    path: x\n    schedule: {interval: -5}\n",
                          "sources[0] (id 'a'): key 'schedule.interval'"),
    "feed with both": ("sources:\n  - id: f\n    kind: feed\n    url: https://x.org/rss\n    path: a.xml\n",
                       "sources[0] (id 'f'): a feed needs exactly one of 'url' or 'path'"),
    "entry not a mapping": ("sources:\n  - just-a-string\n", "sources[0] must be a mapping"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_config_is_one_line_naming_entry_and_key(tmp_path: pathlib.Path, name: str) -> None:
    text, expected = CASES[name]
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert expected in message, message


def test_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.yaml")


def test_valid_config_gives_typed_models(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "schedule:\n  interval: 3600\n"
        "fetch:\n  per_host_delay: 0.5\n"
        "sources:\n"
        "  - id: seed\n    kind: page\n    url: https://idsa.in/idsacomments/x\n"
        "  - id: feed-1\n    kind: feed\n    url: https://example.org/rss\n    schedule: {cron: '*/30 * * * *'}\n"
        "  - id: local\n    kind: files\n    path: samples/*.html\n    enabled: false\n")
    config = load_config(path)
    assert config.schedule.interval == 3600
    assert config.fetch.per_host_delay == 0.5
    assert [type(s) for s in config.sources] == [PageSource, FeedSource, FilesSource]
    assert config.sources[1].schedule.cron == "*/30 * * * *"
    assert config.base_dir == tmp_path.resolve()
    assert [s.id for s in config.enabled_sources()] == ["seed", "feed-1"]
    with pytest.raises(ConfigError, match="unknown source id"):
        config.enabled_sources(["nope"])


def test_shipped_sources_yaml_is_valid(repo_root: pathlib.Path) -> None:
    config = load_config(repo_root / "sources.yaml")
    ids = [s.id for s in config.sources]
    assert "idsa-central-asia-taliban" in ids
    assert any(s.kind == "files" for s in config.sources)
    assert any(s.kind == "feed" and s.url for s in config.sources)
