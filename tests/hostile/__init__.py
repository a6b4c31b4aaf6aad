"""The bad-input corpus: loopback servers and builders for hostile pages, feeds, HTTP behaviour and configs.

Everything here listens on 127.0.0.1 only and is stopped by its context manager. The texts are ours.
"""
