# The api app's bits: staged from this directory (path: src) when kpack is installed.
# Its orders-db credentials come as files too ($SERVICE_BINDING_ROOT/orders-db/, servicebinding.io
# layout: type, provider and one file per credential), as binding-aware libraries read them.
import os
from http.server import BaseHTTPRequestHandler, HTTPServer


def binding(name, key):
    root = os.environ.get("SERVICE_BINDING_ROOT", "/bindings")
    with open(os.path.join(root, name, key)) as f:
        return f.read()


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        index = os.environ.get("CF_INSTANCE_INDEX", "?")
        kind = binding("orders-db", "type")
        self.wfile.write(f"acme api, instance {index}, orders-db is {kind}\n".encode())


HTTPServer(("", int(os.environ.get("PORT", "8080"))), Hello).serve_forever()
