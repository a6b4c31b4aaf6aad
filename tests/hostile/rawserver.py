"""A small threaded raw-socket HTTP server for what a well-behaved server library will not do.

Paths (anything else is a 404):
    /silent         reads the request, never answers (the client must time out)
    /drip           sends headers promising 4,000 bytes, then one byte a second
    /drip-headers   sends the status line and headers one byte a second
    /reset          sends headers promising 200,000 bytes, 3,000 of them, then resets the connection (RST)
    /robots.txt     404 at once (so robots look-ups never hang)

Loopback only; `stop()` (or leaving the `with` block) closes every socket and joins every thread.
"""
from __future__ import annotations

import select
import socket
import struct
import threading
import time


class RawServer:
    def __init__(self, drip_interval: float = 1.0) -> None:
        self.drip_interval = drip_interval
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self.log: list[tuple[float, str]] = []          # (time, path) of every request line read
        self._acceptor = threading.Thread(target=self._accept_loop, name="rawserver-accept", daemon=True)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> "RawServer":
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)
        try:
            self._sock.close()
        except OSError:
            pass
        with self._lock:
            conns, threads = list(self._conns), list(self._threads)
        for conn in conns:
            try:
                conn.close()
            except OSError:
                pass
        for thread in threads:
            thread.join(timeout=5)

    def __enter__(self) -> "RawServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def url_for(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requested(self, path: str) -> int:
        return sum(1 for _, p in self.log if p == path)

    # ------------------------------------------------------------------ internals
    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (socket.timeout, TimeoutError):
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), name="rawserver-conn", daemon=True)
            with self._lock:
                self._conns.append(conn)
                self._threads.append(thread)
            thread.start()

    def _read_request(self, conn: socket.socket) -> str | None:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            try:
                chunk = conn.recv(4096)
            except OSError:
                return None
            if not chunk:
                return None
            data += chunk
        line = data.split(b"\r\n", 1)[0].decode("latin-1")
        parts = line.split()
        return parts[1] if len(parts) >= 2 else None

    def _peer_closed(self, conn: socket.socket, wait: float) -> bool:
        """Wait up to `wait` seconds (or until stop); True when the client has gone."""
        end = time.monotonic() + wait
        while not self._stop.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return False
            try:
                ready, _, _ = select.select([conn], [], [], min(left, 0.1))
                if ready and not conn.recv(1024):
                    return True
            except (OSError, ValueError):
                return True
        return True

    def _send(self, conn: socket.socket, data: bytes) -> bool:
        try:
            conn.sendall(data)
            return True
        except OSError:
            return False

    def _serve(self, conn: socket.socket) -> None:
        try:
            path = self._read_request(conn)
            if path is None:
                return
            self.log.append((time.time(), path.split("?", 1)[0]))
            path = path.split("?", 1)[0]
            if path == "/silent":
                while not self._peer_closed(conn, 0.5):
                    pass
            elif path == "/drip":
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4000\r\n\r\n<html><body><p>"
                if self._send(conn, head):
                    while not self._stop.is_set():
                        if not self._send(conn, b"a") or self._peer_closed(conn, self.drip_interval):
                            break
            elif path == "/drip-headers":
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"p" * 4000 + b"\r\n\r\n"
                for byte in head:
                    if not self._send(conn, bytes([byte])) or self._peer_closed(conn, self.drip_interval):
                        break
            elif path == "/reset":
                head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        b"Content-Length: 200000\r\n\r\n<html><body><article><p>")
                body = b"Kazakhstan and the Taliban met in Kabul. " * 73
                if self._send(conn, head + body[:3000]):
                    time.sleep(0.05)
                    # SO_LINGER on with a zero timeout: close() sends RST instead of FIN
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                self._send(conn, b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                                 b"Connection: close\r\n\r\nnot found")
        finally:
            try:
                conn.close()
            except OSError:
                pass
