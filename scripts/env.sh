# Sourced by the scripts: tools first from the project (wasm-opt 132 from npm),
# then cargo's bin directory.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_OFFLINE=true

# serve_dist LOG: serves dist/ with tools/serve.py on a free loopback port,
# waits until it answers, and makes sure it is our server (it sends the CSP
# header). Sets PORT and SERVER (its pid); the caller kills SERVER.
serve_dist() {
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 tools/serve.py dist "$PORT" > "$1" 2>&1 &
  SERVER=$!
  python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/") as r:
            if r.headers.get("Content-Security-Policy", "").startswith("default-src 'self'"):
                sys.exit(0)
            sys.exit("the test server does not send the CSP header")
    except OSError:
        time.sleep(0.1)
sys.exit("the test server did not start")
PY
  kill -0 "$SERVER"
}
