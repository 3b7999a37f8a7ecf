#!/bin/bash
# Proves the Slurm recipe on a real, single-node Slurm started here on localhost (Debian's
# slurm-wlm and munge: `apt-get install -y slurm-wlm munge`; needs root for munged and
# slurmd). It configures Slurm in a scratch folder, starts munged, slurmctld and slurmd,
# submits render.sbatch as a job array of SHARDS tasks and merge.sbatch after it
# (--dependency=afterok), waits, compares every byte of the merged folder with one run on
# this machine, and stops everything it started (also on failure or Ctrl-C).
#
#   Scripts/slurm/try-local.sh [SHARDS] [render-fit options…]     (default: 4 shards)
#
# RENDER_FIT names the executable (default: the release build, built if missing).
set -euo pipefail
shards=${1:-4}
shift || true
root=$(cd "$(dirname "$0")/../.." && pwd)
render_fit=${RENDER_FIT:-$root/.build/release/render-fit}
if [[ ! -x $render_fit ]]; then
    (cd "$root" && swift build -c release --product render-fit)
fi
for tool in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
    command -v "$tool" >/dev/null || { echo "try-local.sh: $tool not found; apt-get install -y slurm-wlm munge" >&2; exit 69; }
done
[[ $(id -u) == 0 ]] || { echo "try-local.sh: run as root (munged and slurmd need it)" >&2; exit 77; }

work=$(mktemp -d /tmp/render-fit-slurm.XXXXXX)
chmod 755 "$work"
export SLURM_CONF=$work/slurm.conf
node=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024) - 512 }' /proc/meminfo)

stop() {
    local status=$?
    echo "== stopping Slurm and munge"
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
        [[ -s $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    sleep 1
    if (( status != 0 )); then
        echo "== logs (failure)"
        tail -n 20 "$work"/*.log 2>/dev/null || true
    fi
    echo "scratch folder (logs, outputs): $work"
    exit "$status"
}
trap stop EXIT

echo "== configuring Slurm for node $node ($cpus CPUs) in $work"
mkdir -p "$work/state" "$work/spool" "$work/munge"
cat > "$SLURM_CONF" <<CONF
ClusterName=renderfit
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
NodeName=$node CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
# slurmd loads a cgroup plugin even with proctrack/linuxproc: pick the hierarchy this machine
# mounts (containers often have only v1) instead of autodetect's systemd-based guess.
if [[ -e /sys/fs/cgroup/cgroup.controllers ]]; then plugin=cgroup/v2; else plugin=cgroup/v1; fi
printf 'CgroupPlugin=%s\nCgroupMountpoint=/sys/fs/cgroup\n' "$plugin" > "$work/cgroup.conf"

echo "== starting munged, slurmctld, slurmd"
munged --force --socket="$work/munge/munge.socket" --pid-file="$work/munged.pid" \
    --log-file="$work/munged.log" --seed-file="$work/munge/seed" --key-file=/etc/munge/munge.key
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
    state=$(sinfo -h -n "$node" -o %t 2>/dev/null || true)
    [[ $state == idle ]] && break
    sleep 1
done
sinfo
[[ $state == idle ]] || { echo "try-local.sh: the node did not become idle (state '$state')" >&2; exit 1; }

out=$work/frames
single=$work/single
cd "$work"
echo "== submitting $shards shards and a merge"
array=$(RENDER_FIT=$render_fit sbatch --parsable --array=1-"$shards" --export=ALL \
    "$root/Scripts/slurm/render.sbatch" "$out" "$@")
merge=$(RENDER_FIT=$render_fit sbatch --parsable --dependency=afterok:"$array" --export=ALL \
    "$root/Scripts/slurm/merge.sbatch" "$out" --animation "$out/fit.png")
echo "array job $array, merge job $merge (afterok:$array)"
start=$(date +%s)
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
    (( $(date +%s) - start < 600 )) || { echo "try-local.sh: jobs still running after 600 s" >&2; exit 1; }
    sleep 1
done
echo "jobs finished after $(( $(date +%s) - start )) s"
for job in "$array" "$merge"; do
    scontrol -o show job "$job" | while read -r record; do
        echo " $(grep -oE "(^| )(JobId|ArrayTaskId|JobName|JobState|ExitCode)=[^ ]+" <<<"$record" | paste -sd'\0')"
    done
done
merge_state=$(scontrol -o show job "$merge" | grep -oE "JobState=[A-Z]+" | head -1)
[[ $merge_state == JobState=COMPLETED ]] || { echo "try-local.sh: merge job $merge ended in $merge_state" >&2; cat render-fit-*.out >&2 || true; exit 1; }
cat "render-fit-merge-$merge.out"

echo "== one run on one machine, then every byte compared"
"$render_fit" --out "$single" --animation "$single/fit.png" --quiet "$@"
(cd "$single" && sha256sum frame_*.png history.csv manifest.json fit.png) > "$work/single.sha256"
(cd "$out" && sha256sum --quiet -c "$work/single.sha256")
extra=$(comm -3 <(ls -A "$single") <(ls -A "$out"))
[[ -z $extra ]] || { echo "try-local.sh: the folders hold different files: $extra" >&2; exit 1; }
echo "identical: $(wc -l < "$work/single.sha256") files (frames, history.csv, manifest.json, fit.png) of $shards Slurm shards + merge = one run"
