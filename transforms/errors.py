"""Errors raised by the pure transforms. Each carries one human-readable line."""


class CaravanError(Exception):
    """Base class: str(error) is one line fit to show a user."""


class ParseError(CaravanError):
    """The bytes hold no article we can read (binary, empty, JS-only shell, undecodable)."""


class FeedError(CaravanError):
    """A feed or sitemap is malformed or unsafe (entities, external references)."""
