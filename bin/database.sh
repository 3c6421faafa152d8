# Finds the app's database as the app does, for the scripts that work on it (sourced: bin/backup, bin/audit-verify):
# SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD when set, else the local PostgreSQL the app runs under INTAKE_DATA_DIR
# (default data). The standard PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE override either. Exports the PG*
# variables; pg_tool NAME gives the path of a PostgreSQL client program. The script that sources it defines die.
data_dir=${INTAKE_DATA_DIR:-data}

pg_tool() {
  if command -v "$1" >/dev/null; then echo "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)
  [[ -n ${found} ]] || die "$1 not found: bin/setup installs postgresql-client"
  echo "${found}"
}

if [[ -n ${SPRING_DATASOURCE_URL:-} ]]; then
  rest=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
  host_port=${rest%%/*}
  database=${rest#*/}
  database=${database%%\?*}
  host=${host_port%%:*}
  port=5432
  [[ ${host_port} == *:* ]] && port=${host_port##*:}
  user=${SPRING_DATASOURCE_USERNAME:-}
  password=${SPRING_DATASOURCE_PASSWORD:-}
else
  pg_dir=${INTAKE_POSTGRES_EMBEDDED_DATA_DIR:-${data_dir}/postgres}
  [[ -f ${pg_dir}/postmaster.pid ]] || die "the local PostgreSQL in ${pg_dir} is not running: start the app first"
  host=127.0.0.1
  port=$(sed -n 4p "${pg_dir}/postmaster.pid")
  database=contest
  user=contest
  password=$(<"${pg_dir}.password")
fi
export PGHOST=${PGHOST:-${host}} PGPORT=${PGPORT:-${port}} PGUSER=${PGUSER:-${user}}
export PGDATABASE=${PGDATABASE:-${database}} PGPASSWORD=${PGPASSWORD:-${password}}

