#!/usr/bin/env bash
# Stops the worker and master that start.sh started, by their pid files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

for role in worker master; do
    pid_file="$CLUSTER_STATE/$role.pid"
    if pid_alive "$pid_file"; then
        pid="$(cat "$pid_file")"
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "cluster: stopped $role ($pid)"
    fi
    rm -f "$pid_file"
done
