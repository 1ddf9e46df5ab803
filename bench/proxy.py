"""A small reverse proxy for the two-node runs: each request goes to the
next node in turn (no stickiness: a session must work on every node).

    .local/venv/bin/python bench/proxy.py --port 8340 \\
        --node 127.0.0.1:8320 --node 127.0.0.1:8330

``/longpolling/`` goes to the node's longpolling port (its HTTP port + 1,
as bench/two_nodes.py starts them). It adds ``X-Forwarded-For``,
``X-Forwarded-Host`` and ``X-Forwarded-Proto`` (Odoo's ``--proxy-mode``
reads them). A node that does not answer gives 502 with the node named in
the body; the proxy does not retry (a request may have been written).
For the benches only: in production use nginx, HAProxy or the load
balancer of the hosting (README, "Passer à l'échelle").
"""
import argparse
import http.client
import http.server
import itertools
import socketserver
import sys
import threading

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailers", "transfer-encoding", "upgrade"}
TIMEOUT = 600


class Nodes(object):
    """The nodes in turn, and how many requests each one got."""

    def __init__(self, nodes):
        self.nodes = nodes
        self.turn = itertools.cycle(range(len(nodes)))
        self.counts = [0] * len(nodes)
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            index = next(self.turn)
            self.counts[index] += 1
            return self.nodes[index]


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    nodes = None  # set by serve()
    protocol_version = "HTTP/1.0"  # one request per connection: simple and enough here

    def _forward(self):
        host, port = self.nodes.next()
        if self.path.startswith("/longpolling/"):
            port += 1
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["X-Forwarded-For"] = self.client_address[0]
        headers["X-Forwarded-Host"] = self.headers.get("Host", "")
        headers["X-Forwarded-Proto"] = "http"
        try:
            upstream = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as error:
            message = ("proxy: node %s:%d did not answer: %s\n" % (host, port, error)).encode()
            self.send_response(502)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)
            return
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header("X-Node", "%s:%d" % (host, port))
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        upstream.close()

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _forward

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        pass  # quiet: the benches count the answers


class ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(port, nodes):
    """Start the proxy in a thread; answers (server, Nodes)."""
    handler = type("Handler", (ProxyHandler,), {"nodes": Nodes(nodes)})
    server = ThreadingServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, handler.nodes


def parse_node(text):
    host, _sep, port = text.rpartition(":")
    return host or "127.0.0.1", int(port)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--node", action="append", required=True, help="host:port (repeatable)")
    args = parser.parse_args()
    server, _nodes = serve(args.port, [parse_node(n) for n in args.node])
    print("proxy on 127.0.0.1:%d -> %s" % (args.port, ", ".join(args.node)))
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
