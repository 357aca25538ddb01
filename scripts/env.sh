# Sourced by the scripts: tools first from the project (wasm-opt 132 from npm),
# then cargo's bin directory.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_OFFLINE=true
