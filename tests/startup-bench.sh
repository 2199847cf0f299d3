#!/usr/bin/env bash
# Start-up of the two publish forms, whole process (docs/performance-startup.md):
#   bash tests/startup-bench.sh            publishes both forms into a temporary folder, then measures
#   R2R=DIR AOT=DIR bash tests/startup-bench.sh   measures folders already published
#   PEER=DIR bash tests/startup-bench.sh   also times bk7231tools' `dissect_dump -e` in the same run;
#     DIR holds checkouts of tuya-cloudcutter/bk7231tools and kuba2k2/datastruct (its py-datastruct
#     dependency) side by side, and Debian's python3-serial and python3-pycryptodome are installed
# Needs hyperfine (apt-get install hyperfine) and, for the AOT publish, a C toolchain (gcc or clang).
# Prints the machine's load before and after: numbers taken under load are not comparable.
set -euo pipefail
cd "$(dirname "$0")/.."
dump=${DUMP:-../shared/dumps/SmartLED-8044-1-Gange-Smart-Switch.bin}
runs=${RUNS:-20}
command -v hyperfine >/dev/null || { echo "startup-bench: hyperfine is not installed (apt-get install hyperfine)"; exit 2; }
[ -f "$dump" ] || { echo "startup-bench: no dump at $dump (set DUMP=FILE)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${R2R:-}" ]; then
  R2R=$work/r2r
  dotnet publish src/BkTui -c Release -r linux-x64 -o "$R2R" -v q -nologo
fi
if [ -z "${AOT:-}" ]; then
  AOT=$work/aot
  dotnet publish src/BkTui -c Release -r linux-x64 -p:PublishAot=true -o "$AOT" -v q -nologo
fi
export BKTUI_ARCHIVE=$work/no-archive   # no verb opens an archive by accident
echo "sizes: r2r $(stat -c %s "$R2R/bktui") B; aot $(stat -c %s "$AOT/bktui") B (+ $(ls "$AOT" | grep -c '\.so$') .so beside it)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
peer=()
if [ -n "${PEER:-}" ]; then
  export PYTHONPATH="$PEER/bk7231tools:$PEER/datastruct"
  mkdir -p "$work/peer-out"
  peer=("/usr/bin/python3 -m bk7231tools dissect_dump -e -O $work/peer-out $dump")
fi
hyperfine -N -w 3 -r "$runs" \
  "$R2R/bktui --version" "$AOT/bktui --version" \
  "$R2R/bktui analyze $dump" "$AOT/bktui analyze $dump" \
  "$R2R/bktui analyze --json $dump" "$AOT/bktui analyze --json $dump" "${peer[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
