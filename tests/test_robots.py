"""robots.txt (RFC 9309, protego) over real HTTP on 127.0.0.1: rules, caching, statuses, size cap,
Crawl-delay, and what a disallowed page costs the server (nothing: it is never requested)."""
from __future__ import annotations

import time

from flows.fetch import ROBOTS_MAX_BYTES, Fetcher
from tests.test_fetch import Arrivals, fast_settings, local_fetch, loopback_only, paths, server  # noqa: F401

WILDCARDS = """\
# a comment
User-agent: *
Disallow: /private/*/secret
Disallow: /*.pdf$
Allow: /private/open/secret
"""


def pages(srv, *names: str) -> None:
    for name in names:
        srv.expect_request(name).respond_with_data(f"<html>{name}</html>", content_type="text/html")


def test_wildcard_disallow_means_the_page_is_never_requested(server):
    server.expect_request("/robots.txt").respond_with_data(WILDCARDS, content_type="text/plain")
    pages(server, "/private/a/secret", "/private/open/secret", "/doc.pdf", "/doc.pdf.html", "/news/1")
    with Fetcher(fast_settings()) as fetcher:
        outs = {p: local_fetch(fetcher, server.url_for(p)) for p in
                ["/private/a/secret", "/private/open/secret", "/doc.pdf", "/doc.pdf.html", "/news/1"]}
    assert outs["/private/a/secret"].outcome == "blocked"
    assert outs["/private/a/secret"].error == "disallowed by robots.txt"
    assert outs["/private/a/secret"].attempts == 0
    assert outs["/doc.pdf"].outcome == "blocked"                  # `$` anchors the end
    assert outs["/doc.pdf.html"].ok and outs["/news/1"].ok
    assert outs["/private/open/secret"].ok                         # the longer Allow wins
    requested = paths(server)
    assert "/private/a/secret" not in requested and "/doc.pdf" not in requested
    assert requested.count("/robots.txt") == 1                     # cached per host


def test_group_for_our_product_token_applies(server):
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: github\nDisallow: /\n\n"          # a word of our full UA string, not our token
        "User-agent: caravanbot\nDisallow: /drafts/\n\n"
        "User-agent: *\nDisallow: /\n")
    pages(server, "/drafts/x", "/article")
    settings = fast_settings(user_agent="CaravanBot/0.1 (+https://github.com/caravan-pipeline/caravan)")
    with Fetcher(settings) as fetcher:
        draft = local_fetch(fetcher, server.url_for("/drafts/x"))
        article = local_fetch(fetcher, server.url_for("/article"))
    assert draft.outcome == "blocked" and draft.error == "disallowed by robots.txt"
    assert article.ok                  # our group allows it; neither "*" nor "github" applies to us
    assert "/drafts/x" not in paths(server)


def test_4xx_robots_allows_all(server):
    server.expect_request("/robots.txt").respond_with_data("forbidden", status=403)
    pages(server, "/a")
    with Fetcher(fast_settings()) as fetcher:
        assert local_fetch(fetcher, server.url_for("/a")).ok


def test_5xx_robots_disallows_all(server):
    server.expect_request("/robots.txt").respond_with_data("broken", status=503)
    pages(server, "/a", "/b")
    with Fetcher(fast_settings(retries=1)) as fetcher:
        first = local_fetch(fetcher, server.url_for("/a"))
        second = local_fetch(fetcher, server.url_for("/b"))
    assert first.outcome == "blocked" and second.outcome == "blocked"
    assert first.error == ("robots.txt unreachable (HTTP 503 Service Unavailable (after 2 attempts)): "
                           "host disallowed")
    assert paths(server) == ["/robots.txt", "/robots.txt"]      # retried once, then cached


def test_unreachable_robots_disallows_all(server):
    """A robots.txt that never answers (read timeout) blocks the host, per RFC 9309 §2.3.1.4; since the host
    gave no HTTP answer at all, the page counts as failed (host down), not as blocked by policy."""
    server.expect_request("/robots.txt").respond_with_handler(lambda request: time.sleep(1.0) or "late")
    pages(server, "/a")
    with Fetcher(fast_settings(timeout=0.3, retries=0)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/a"))
    assert out.outcome == "failed"
    assert out.error == "host unreachable: timed out after 0.3 s waiting for headers"
    assert "/a" not in paths(server)


def test_robots_redirect_is_followed(server):
    server.expect_request("/robots.txt").respond_with_data("", status=301, headers={"Location": "/real-robots"})
    server.expect_request("/real-robots").respond_with_data("User-agent: *\nDisallow: /hidden\n")
    pages(server, "/hidden", "/shown")
    with Fetcher(fast_settings()) as fetcher:
        assert local_fetch(fetcher, server.url_for("/hidden")).error == "disallowed by robots.txt"
        assert local_fetch(fetcher, server.url_for("/shown")).ok


def test_robots_redirect_to_a_private_address_is_refused_by_the_guard(server, loopback_only):
    server.expect_request("/robots.txt").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/robots.txt"})
    pages(server, "/a")
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/a"))
    assert out.outcome == "blocked" and out.error == "address 169.254.169.254 is link-local: refused"
    assert "/a" not in paths(server) and not loopback_only


def test_robots_is_capped_at_500_kib(server):
    padding = "# " + "x" * 1000 + "\n"
    body = ("User-agent: *\nDisallow: /early\n" + padding * (ROBOTS_MAX_BYTES // len(padding) + 100)
            + "Disallow: /late\n")
    assert len(body) > ROBOTS_MAX_BYTES + 50_000
    server.expect_request("/robots.txt").respond_with_data(body)
    pages(server, "/early", "/late")
    with Fetcher(fast_settings()) as fetcher:
        early = local_fetch(fetcher, server.url_for("/early"))
        late = local_fetch(fetcher, server.url_for("/late"))
    assert early.outcome == "blocked" and late.ok    # the rule past 500 KiB is never read


def test_crawl_delay_spaces_requests(server):
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 0.6\n")
    seen = Arrivals()
    server.expect_request("/slow").respond_with_handler(seen)
    with Fetcher(fast_settings(per_host_delay=0.0)) as fetcher:
        assert local_fetch(fetcher, server.url_for("/slow")).ok
        assert local_fetch(fetcher, server.url_for("/slow")).ok
    gap = seen.times[1] - seen.times[0]
    assert gap >= 0.59, gap


def test_crawl_delay_is_capped(server):
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 86400\n")
    seen = Arrivals()
    server.expect_request("/capped").respond_with_handler(seen)
    with Fetcher(fast_settings(max_retry_after=0.5)) as fetcher:
        started = time.monotonic()
        assert local_fetch(fetcher, server.url_for("/capped")).ok
        assert local_fetch(fetcher, server.url_for("/capped")).ok
    assert time.monotonic() - started < 2.0
    assert seen.times[1] - seen.times[0] >= 0.49


def test_obey_robots_false_skips_robots(server):
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    pages(server, "/anything")
    with Fetcher(fast_settings(obey_robots=False)) as fetcher:
        assert local_fetch(fetcher, server.url_for("/anything")).ok
    assert paths(server) == ["/anything"]


def test_robots_fetched_once_under_concurrency(server):
    seen = Arrivals(sleep=0.2)
    server.expect_request("/robots.txt").respond_with_handler(
        lambda request: seen(request) and "User-agent: *\nDisallow: /no\n")
    pages(server, "/yes")
    reqs = [{"url": server.url_for("/yes") + f"?i={i}", "source_id": "t", "source_is_local": True}
            for i in range(6)]
    with Fetcher(fast_settings(per_host_concurrency=3)) as fetcher:
        outs = fetcher.fetch_many(reqs)
    assert all(o.ok for o in outs)
    assert len(seen.times) == 1
