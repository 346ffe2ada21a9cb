#!/usr/bin/env bash
# The README's test command: static checks, unit + golden tests, then browser tests on the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Asia/Shanghai
if [ ! -x /usr/bin/chromium ]; then
	echo "Installing Debian's chromium for the browser tests…"
	if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
	$SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm run lint
npm run check
npm run ingest  # the datasets the SQL tests and the build read
npx vitest run
if [ -d tests/e2e ] && ls tests/e2e/*.test.ts >/dev/null 2>&1; then
	npx vite build  # the site; its datasets were ingested above
	# The portal build: sub-path /xxgk/jxpj + the hostile payload reports (its own ingest of its
	# own corpus), for tests/e2e-portal/.
	npm run build:portal
	npx playwright test
fi
