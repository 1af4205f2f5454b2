#!/usr/bin/env bash
# The GPU device check: on a host with an NVIDIA GPU, a PyTorch CUDA install, and no .NET, apt or internet, from the
# bundle that tests/gpu/build-bundle.sh makes (../shared/DEVICE.md). Prints one table: whether ONNX Runtime's CUDA
# provider loads (or the exact missing library), CUDA-vs-CPU parity, service throughput at 64 and 256 clients, dynamic
# batching vs MaxBatchSize=1, service vs raw engine, p50/p99, GPU memory; then TorchSharp training on CUDA (paper
# config, batch 128). The table, the figures (results.jsonl) and every log (logs.txt) also go to $OUT (or --out).
#
# usage: bash tests/gpu/run.sh [--bundle DIR] [--out DIR] [--seconds N] [--receive | --dry-run]
#   --receive   keep the bundle part this call carried (a bundle spans several device calls), say what is still missing
#   --dry-run   the same script on this machine's CPU: CPU provider, 4 and 8 clients, short runs (no GPU needed)
# Exit codes: 0 done, 1 no GPU here (one line), an incomplete bundle, or a failed step, 2 bad arguments.
set -uo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="$root/.device/gpu-check"
out="${OUT:-$root/.device/gpu-check-out}"
seconds=20
mode=check
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --receive) mode=receive; shift ;;
    --dry-run) mode=dry-run; shift ;;
    *) echo "error: unknown argument '$1' (usage: run.sh [--bundle DIR] [--out DIR] [--seconds N] [--receive | --dry-run])" >&2; exit 2 ;;
  esac
done
case "$seconds" in ''|*[!0-9]*|0) echo "error: --seconds takes a positive whole number, got '$seconds'" >&2; exit 2 ;; esac

if [ "$mode" != dry-run ]; then
  if ! command -v nvidia-smi > /dev/null; then
    gpus="nvidia-smi not found"
  elif ! gpus="$(nvidia-smi -L 2>&1)" || ! echo "$gpus" | grep -q '^GPU '; then
    gpus="nvidia-smi -L: $(echo "$gpus" | head -n 1)"
  fi
  if ! echo "$gpus" | grep -q '^GPU '; then
    echo "no NVIDIA GPU here ($gpus); 'bash tests/gpu/run.sh --dry-run' runs the CPU path" >&2
    exit 1
  fi
fi

work=/tmp/scraps-gpu-check
stash="$work/parts"
logs="$work/logs"
mkdir -p "$stash" "$out"
rm -rf "$logs" && mkdir -p "$logs"

# The bundle spans several device calls: keep each call's part outside the repository copy, which a later call may
# replace. Parts of another bundle (another sha256) are dropped first.
for d in "$bundle"/call-*; do
  [ -f "$d/PARTS" ] || continue
  if [ -f "$stash/PARTS" ] && ! cmp -s "$d/PARTS" "$stash/PARTS"; then rm -f "$stash"/*; fi
  cp "$d/PARTS" "$stash/PARTS"
  cp -n "$d"/payload.part-* "$stash/" 2>/dev/null
done
[ -f "$stash/PARTS" ] || { echo "error: no bundle at $bundle/call-* (build it here with tests/gpu/build-bundle.sh, carry .device/gpu-check/call-1)" >&2; exit 1; }
read -r parts_expected payload_sha < "$stash/PARTS"
missing_parts=""
for ((k = 1; k <= parts_expected; k++)); do
  [ -f "$stash/payload.part-$k" ] || missing_parts="$missing_parts $k"
done
if [ "$mode" = receive ]; then
  echo "bundle parts here: $(cd "$stash" && ls payload.part-* | tr '\n' ' ')of $parts_expected; missing:${missing_parts:- none}"
  exit 0
fi
if [ -n "$missing_parts" ]; then
  echo "error: bundle parts missing:$missing_parts of $parts_expected (carry .device/gpu-check/call-N in one call each, the machine kept warm, 'run.sh --receive' in all but the last)" >&2
  exit 1
fi

echo "== joining $parts_expected parts and unpacking into $work"
rm -rf "$work/payload" "$work/dotnet" "$work/app" "$work/root"
mkdir -p "$work/payload" "$work/dotnet"
cat $(for ((k = 1; k <= parts_expected; k++)); do echo "$stash/payload.part-$k"; done) > "$work/payload.tar"
[ "$(sha256sum "$work/payload.tar" | cut -d' ' -f1)" = "$payload_sha" ] || { echo "error: the joined bundle's sha256 is not the one build-bundle.sh wrote (parts of different builds?)" >&2; exit 1; }
tar -C "$work/payload" -xf "$work/payload.tar" && rm -f "$work/payload.tar"
setting() { sed -n "s/^$1=//p" "$work/payload/MANIFEST"; }

table="$out/table.txt"
results="$logs/results.jsonl"
: > "$results"
rows=()
row() { rows+=("$1"$'\t'"$2"$'\t'"${3:-}"); printf '%-40s %-28s %s\n' "$1" "$2" "${3:-}"; }
json() { python3 -c "import json,sys; rows=[json.loads(l) for l in open('$results') if l.strip()]; $1"; }

tar -C "$work/dotnet" -xJf "$work/payload/dotnet.tar.xz"
tar -C "$work" -xJf "$work/payload/app.tar.xz"
tar -C "$work" -xJf "$work/payload/root.tar.xz"
app="$work/app"
debs_lib="$work/root/usr/lib/x86_64-linux-gnu"
model="$root/models/scraps-en-base"

if [ "$mode" = dry-run ]; then
  provider=cpu; clients=(4 8); batch=8; warm=2; dur=$(( seconds < 5 ? seconds : 5 ))
  row "mode" "dry run on CPU" "$(nproc) cores; no GPU is used"
else
  provider=cuda; clients=(64 256); batch=64; warm=10; dur=$seconds
  row "GPU" "$(nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader | head -n 1)" \
    "driver $(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -n 1); $(echo "$gpus" | wc -l) GPU(s)"
fi

echo "== CUDA libraries from the PyTorch install"
torch_info="$(python3 -c 'import torch, os; print(torch.__version__, torch.version.cuda, os.path.dirname(torch.__file__))' 2>&1)"
if [ $? -eq 0 ]; then
  read -r torch_version torch_cuda torch_dir <<< "$torch_info"
  row "PyTorch" "$torch_version (CUDA $torch_cuda)" "$torch_dir"
  torch_lib="$torch_dir/lib"
  # pip's nvidia-* packages hold the CUDA 13 user-space libraries ONNX Runtime links (cudart, cublas, curand, cudnn...);
  # their folders differ between CUDA 12 and 13 wheels, so take every folder under nvidia/ that holds a lib*.so*.
  nvidia_dirs="$(python3 -c '
import nvidia, os
dirs = set()
for base in nvidia.__path__:
    for folder, _, files in os.walk(base):
        if any(f.startswith("lib") and ".so" in f for f in files):
            dirs.add(folder)
print(":".join(sorted(dirs)))' 2>/dev/null)"
  cuda_path="$nvidia_dirs:$torch_lib"
  for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do [ -d "$d" ] && cuda_path="$cuda_path:$d"; done
else
  row "PyTorch" "not found" "$(echo "$torch_info" | tail -n 1)"
  torch_lib=""; cuda_path=""
fi
found=""; absent=""
for lib in libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcufft.so.12 libcudnn.so.9; do
  hit="$(IFS=:; for d in $cuda_path; do [ -e "$d/$lib" ] && { echo "$d/$lib"; break; }; done)"
  if [ -n "$hit" ]; then found="$found $lib"; else absent="$absent $lib"; fi
done
row "CUDA 13 libraries (pip nvidia-*)" "${absent:+missing:}${absent:-all found}" "found:${found:- none}"
# What .NET needs, for .NET processes only: the runtime, espeak-ng and libsndfile from the packages (before the
# system's), espeak-ng's data, and the CUDA libraries. Python (PyTorch) keeps the environment it came with.
dotnet_env=(env DOTNET_ROOT="$work/dotnet" PATH="$work/dotnet:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  ESPEAK_DATA_PATH="$debs_lib" LD_LIBRARY_PATH="$debs_lib:$debs_lib/pulseaudio:$work/root/lib/x86_64-linux-gnu${cuda_path:+:$cuda_path}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")

echo "== ONNX Runtime's CUDA provider library"
xz -d < "$work/payload/cuda-ep.xz" > "$app/libonnxruntime_providers_cuda.so"
if [ "$(sha256sum "$app/libonnxruntime_providers_cuda.so" | cut -d' ' -f1)" != "$(setting cuda_ep_sha256)" ]; then
  row "CUDA provider library" "corrupt (sha256 differs)" "rebuild the bundle"
  [ "$mode" = dry-run ] || provider=cpu
else
  not_found="$("${dotnet_env[@]}" ldd "$app/libonnxruntime_providers_cuda.so" | awk '/not found/{print $1}' | tr '\n' ' ')"
  row "CUDA provider library" "$(setting ort_gpu_package), sm $(setting cuda_archs)" "ldd: ${not_found:+not found: }${not_found:-every library found}"
  if [ "$mode" != dry-run ]; then
    cap="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader | head -n 1 | tr -d '.')"
    case ",$(setting cuda_archs)," in *",$cap,"*) ;; *) row "GPU architecture" "sm_$cap has no code in the bundle" "rebuild with --cuda-archs $cap" ;; esac
  fi
fi

cli=("${dotnet_env[@]}" dotnet "$app/scraps.dll")

echo "== CUDA provider loads? parity with CPU"
parity_log="$logs/parity.log"
if "${cli[@]}" bench parity --model "$model" --provider "$provider" --results "$results" > "$parity_log" 2>&1; then
  json "r=[x for x in rows if x['bench']=='parity'][-1]; print(r['provider'], r['reason'], '%.3g' % r['maxRelDiff'], '%.8f' % r['minCosine'], '%.3g' % r['maxScoreDiff'], '%.2f' % r['loadSeconds'], sep='|')" \
    > "$logs/parity.rows"
  IFS='|' read -r p reason rel cosine score load < "$logs/parity.rows"
  row "${provider^^} provider loads" "yes: runs on $p" "sessions in $load s; $reason"
  row "parity $p vs CPU" "max rel diff $rel" "min embedding cosine $cosine, max score diff $score"
else
  row "${provider^^} provider loads" "no" "$(grep -m1 '^error' "$parity_log" | cut -c1-400)"
  [ "$mode" = dry-run ] || provider=cpu
fi

memory_sampler() {
  [ "$mode" = dry-run ] && return 0
  nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 250 > "$logs/gpu-memory-$1.csv" 2>/dev/null &
  sampler=$!
}
memory_max() {
  [ "$mode" = dry-run ] && { echo "-"; return 0; }
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  sort -n "$logs/gpu-memory-$1.csv" | tail -n 1 | awk '{printf "%.0f MiB", $1}'
}

echo "== service throughput (scraps bench http, $provider)"
bench_ok=1
for c in "${clients[@]}"; do
  baseline=()
  [ "$c" = "${clients[0]}" ] || baseline=(--no-baseline)
  memory_sampler "http-$c"
  if ! "${cli[@]}" bench http --model "$model" --service "$app/Scraps.Service.dll" --provider "$provider" --clients "$c" \
      --batch "$batch" --workers 2 --warmup "$warm" --duration "$dur" "${baseline[@]}" --results "$results" > "$logs/http-$c.log" 2>&1; then
    row "service, $c clients" "failed" "$(grep -m1 'error' "$logs/http-$c.log" | cut -c1-300)"
    bench_ok=0
  fi
  mem="$(memory_max "http-$c")"
  json "
import statistics
rs=[x for x in rows if x['bench']=='http' and x['clients']==$c]
eng=[x for x in rows if x['bench']=='http' and x['run']=='engine' and x['clients']==$c]
for x in rs:
    if x['run']=='engine': continue
    print('%s|%.1f req/s|p50 %.1f ms, p99 %.1f ms, batch ac/ph %s, provider %s, errors %d' % (x['run'], x['reqPerSec'], x['p50Ms'], x['p99Ms'], x['batch'], x['provider'], x['errors']))
dyn=[x for x in rs if x['run']!='engine' and x['maxBatchSize']!=1]
one=[x for x in rs if x['maxBatchSize']==1 and x['run']!='engine']
if eng: print('engine (batch %d)|%.1f req/s|raw engine, same work, no HTTP' % (eng[0]['maxBatchSize'], eng[0]['reqPerSec']))
if dyn and one: print('dynamic / MaxBatchSize=1|%.2f x|%d clients' % (dyn[0]['reqPerSec']/max(one[0]['reqPerSec'],1e-9), $c))
if dyn and eng: print('service / engine|%.2f|%d clients' % (dyn[0]['reqPerSec']/max(eng[0]['reqPerSec'],1e-9), $c))
" > "$logs/http-$c.rows" 2>>"$logs/http-$c.log"
  while IFS='|' read -r name value detail; do row "$name, $c clients" "$value" "$detail"; done < "$logs/http-$c.rows"
  row "GPU memory, $c clients (max)" "$mem" "nvidia-smi, whole GPU"
done

echo "== TorchSharp training (scraps-train bench)"
train_env=()
if [ -n "$torch_lib" ] && [ -e "$torch_lib/libtorch_cuda.so" ]; then
  device=cuda; configs=paper; tbatch=128; warmup=3; steps=20; train_env=(SCRAPS_TORCH_LIB="$torch_lib")
elif [ "$mode" = dry-run ] && cpu_torch="$(ls -d "$HOME"/.nuget/packages/libtorch-cpu-linux-x64/*/runtimes/linux-x64/native 2>/dev/null | tail -n 1)" && [ -n "$cpu_torch" ]; then
  # No CUDA PyTorch on this machine: the bundle's trainer runs on the NuGet cache's CPU LibTorch instead, to show the
  # published trainer and its libLibTorchSharp.so work; the figures mean nothing.
  ln -sf "$cpu_torch"/* "$app/"
  device=cpu; configs=small; tbatch=4; warmup=1; steps=2
else
  device=""
fi
if [ -n "$device" ]; then
  memory_sampler train
  if "${dotnet_env[@]}" "${train_env[@]}" dotnet "$app/scraps-train.dll" bench --configs "$configs" --batch "$tbatch" --seconds 5 \
      --warmup "$warmup" --steps "$steps" --device "$device" --threads "$( [ "$device" = cpu ] && echo 1 || echo 0)" --results "$results" > "$logs/train.log" 2>&1; then
    json "r=[x for x in rows if x['bench']=='train'][-1]; print('%s|%.2f steps/s|%s, batch %d, %d frames, %s parameters, %s' % (r['config'], r['stepsPerSecond'], r['device'], r['batch'], r['frames'], format(r['parameters'], ','), r['reason']))" \
      > "$logs/train.rows"
    while IFS='|' read -r name value detail; do row "training, $name config" "$value" "$detail"; done < "$logs/train.rows"
  else
    row "training" "failed" "$(grep -m1 -i 'error' "$logs/train.log" | cut -c1-300)"
    bench_ok=0
  fi
  row "GPU memory, training (max)" "$(memory_max train)" "nvidia-smi, whole GPU"
else
  row "training" "skipped" "no CUDA build of PyTorch here (libtorch_cuda.so), which TorchSharp loads on CUDA"
fi
row "mixed precision training" "not offered" "TorchSharp 0.107 has no autocast or GradScaler (no such API or native export)"

{
  printf '%-40s %-28s %s\n' "check" "result" "detail"
  printf '%s\n' "${rows[@]}" | awk -F'\t' '{printf "%-40s %-28s %s\n", $1, $2, $3}'
} > "$table"
echo
cat "$table"
# Three files for $OUT (a device call brings back at most eight): the table, the figures, every log.
cp "$results" "$out/results.jsonl"
for f in "$logs"/*.log; do echo "==== $(basename "$f")"; cat "$f"; done > "$out/logs.txt"
[ "$bench_ok" = 1 ]
