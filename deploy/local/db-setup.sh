#!/usr/bin/env bash
# Prepares PostgreSQL for Cognita: the databases (cognita for the local run, cognita_test for the
# @QuarkusTest suites, cognita_e2e for the system tests),
# and per service one role and one schema owned by it. Idempotent; safe to run at every start.
#
# Admin access, in this order: $COGNITA_DB_ADMIN_URL (a libpq URL of a superuser), else the local
# `postgres` OS user through the socket (when run as root), else psql -U postgres on COGNITA_DB_HOST.
# Role passwords: COGNITA_DB_PASSWORD_<SCHEMA> (e.g. COGNITA_DB_PASSWORD_ORG), else the dev-only default
# "dev-only-<schema>" that the services also default to. Production replaces them (see docs/).
set -euo pipefail
host=${COGNITA_DB_HOST:-127.0.0.1}
port=${COGNITA_DB_PORT:-5432}
databases=${COGNITA_DB_NAMES:-"${COGNITA_DB_NAME:-cognita} cognita_test cognita_e2e"}
schemas=(identity org workspace meeting transcription)
# platform's own tests (outbox relay, org-status feed) run against a schema of their own, in cognita_test only
test_schemas=(platform)

admin_psql() {
  local db=$1; shift
  if [ -n "${COGNITA_DB_ADMIN_URL:-}" ]; then
    psql "${COGNITA_DB_ADMIN_URL%/*}/$db" -v ON_ERROR_STOP=1 -q "$@"
  elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && { [ "$host" = 127.0.0.1 ] || [ "$host" = localhost ]; }; then
    (cd / && su postgres -c "psql -p $port -d $db -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")")
  else
    psql -h "$host" -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"
  fi
}

sql_roles=""
for s in "${schemas[@]}" "${test_schemas[@]}"; do
  var="COGNITA_DB_PASSWORD_$(echo "$s" | tr '[:lower:]' '[:upper:]')"
  pw=${!var:-dev-only-$s}
  sql_roles+="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cognita_$s') THEN
    CREATE ROLE cognita_$s LOGIN;
  END IF;
END \$\$;
ALTER ROLE cognita_$s WITH LOGIN PASSWORD '$pw' NOSUPERUSER NOCREATEDB NOCREATEROLE;
"
done
echo "$sql_roles" | admin_psql postgres -f -

for db in $databases; do
  echo "SELECT 'CREATE DATABASE $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec" \
    | admin_psql postgres -f -
  sql="SET client_min_messages = warning;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
"
  db_schemas=("${schemas[@]}")
  [ "$db" = cognita_test ] && db_schemas+=("${test_schemas[@]}")
  for s in "${db_schemas[@]}"; do
    sql+="GRANT CONNECT, TEMPORARY ON DATABASE $db TO cognita_$s;
CREATE SCHEMA IF NOT EXISTS $s AUTHORIZATION cognita_$s;
ALTER SCHEMA $s OWNER TO cognita_$s;
REVOKE ALL ON SCHEMA $s FROM PUBLIC;
ALTER ROLE cognita_$s IN DATABASE $db SET search_path = $s;
"
  done
  echo "$sql" | admin_psql "$db" -f -
done
echo "postgres: databases [$databases] ready on $host:$port with schemas ${schemas[*]}"
