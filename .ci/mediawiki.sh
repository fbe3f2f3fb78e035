# Sourced by .ci/run: a real MediaWiki (Debian's 1.39 package, SQLite) on a loopback port for the mediawiki
# connector's tests. Exports SEXTANT_MEDIAWIKI_URL (the wiki's api.php), SEXTANT_MEDIAWIKI_DIR (its config folder,
# where the tests drop Sextant.php to change permissions), SEXTANT_MEDIAWIKI_INSTALL (the code) and the admin's
# SEXTANT_MEDIAWIKI_ADMIN / SEXTANT_MEDIAWIKI_PASSWORD. Idempotent: a second source reuses a running wiki.

if ! command -v php >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1 \
    || [ ! -f /usr/share/mediawiki/maintenance/install.php ] \
    || ! php -m 2>/dev/null | grep -qi '^pdo_sqlite$'; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    mediawiki php-cli php-sqlite3 php-mbstring php-xml php-intl curl >/dev/null
fi

SEXTANT_MEDIAWIKI_INSTALL=/usr/share/mediawiki
SEXTANT_MEDIAWIKI_DIR=${SEXTANT_MEDIAWIKI_DIR:-/tmp/sextant-mediawiki}
SEXTANT_MEDIAWIKI_PORT=${SEXTANT_MEDIAWIKI_PORT:-8765}
SEXTANT_MEDIAWIKI_ADMIN=Admin
SEXTANT_MEDIAWIKI_PASSWORD=sextant-ci-admin-password
SEXTANT_MEDIAWIKI_URL="http://127.0.0.1:${SEXTANT_MEDIAWIKI_PORT}/api.php"

if ! curl -fsS "${SEXTANT_MEDIAWIKI_URL}?action=query&meta=siteinfo&format=json" >/dev/null 2>&1; then
  rm -rf "$SEXTANT_MEDIAWIKI_DIR"
  mkdir -p "$SEXTANT_MEDIAWIKI_DIR/data"
  php "$SEXTANT_MEDIAWIKI_INSTALL/maintenance/install.php" --quiet \
    --dbtype sqlite --dbpath "$SEXTANT_MEDIAWIKI_DIR/data" --dbname sextantwiki \
    --server "http://127.0.0.1:${SEXTANT_MEDIAWIKI_PORT}" --scriptpath "" \
    --confpath "$SEXTANT_MEDIAWIKI_DIR" --lang en --skins "" \
    --pass "$SEXTANT_MEDIAWIKI_PASSWORD" "Sextant Test Wiki" "$SEXTANT_MEDIAWIKI_ADMIN" >/dev/null
  cat >>"$SEXTANT_MEDIAWIKI_DIR/LocalSettings.php" <<'PHP'
$wgEnableBotPasswords = true;
$wgMainCacheType = CACHE_NONE;
$wgRCMaxAge = 90 * 24 * 3600;
# The tests write Sextant.php (e.g. $wgGroupPermissions['*']['read'] = false;) and remove it afterwards.
if ( is_file( __DIR__ . '/Sextant.php' ) ) {
	include __DIR__ . '/Sextant.php';
}
PHP
  MW_CONFIG_FILE="$SEXTANT_MEDIAWIKI_DIR/LocalSettings.php" nohup php -S "127.0.0.1:${SEXTANT_MEDIAWIKI_PORT}" \
    -t "$SEXTANT_MEDIAWIKI_INSTALL" >"$SEXTANT_MEDIAWIKI_DIR/server.log" 2>&1 &
  for _ in $(seq 1 50); do
    curl -fsS "${SEXTANT_MEDIAWIKI_URL}?action=query&meta=siteinfo&format=json" >/dev/null 2>&1 && break
    sleep 0.2
  done
fi

export SEXTANT_MEDIAWIKI_URL SEXTANT_MEDIAWIKI_DIR SEXTANT_MEDIAWIKI_INSTALL SEXTANT_MEDIAWIKI_ADMIN \
  SEXTANT_MEDIAWIKI_PASSWORD
