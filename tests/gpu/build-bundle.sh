#!/usr/bin/env bash
# Builds, here, what tests/gpu/run.sh needs on a GPU host that has an NVIDIA driver and a PyTorch CUDA install but no
# .NET, no apt and no internet (../shared/DEVICE.md): the .NET runtime, the framework-dependent publish output of the
# service, the CLI and the trainer (GPU build of ONNX Runtime, without TorchSharp-cpu's LibTorch: the host's PyTorch
# supplies it), the Debian packages of espeak-ng and libsndfile, and ONNX Runtime's CUDA provider library.
#
# usage: tests/gpu/build-bundle.sh [--out DIR] [--cuda-archs 90[,100]] [--call-mib N]
#
# The model travels with the repository (models/scraps-en-base). Everything a device call carries, the repository
# included, must fit in 64 MiB, and libonnxruntime_providers_cuda.so alone is 284 MB (186 MB as xz): its CUDA code for
# architectures other than --cuda-archs (default 90: H100, H200) is zeroed first (tests/gpu/prune_fatbin.py says why
# that is safe); its sm_90 code alone is 77 MB of compressed cubins, so the whole bundle (about 100 MB) takes several
# device calls. Everything is put in one payload.tar, split into call-1/, call-2/, ... each within --call-mib (default:
# 64 MiB less what the repository sends, less 1 MiB). Carry call-1 in the first call, call-2 in the next and so on,
# while the machine stays warm: 'run.sh --receive' keeps each part outside the repository copy, and run.sh, in the call
# that brings the last part, joins them, checks the sha256 and runs the check.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/.device/gpu-check"
archs="90"
call_mib=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --cuda-archs) archs="$2"; shift 2 ;;
    --call-mib) call_mib="$2"; shift 2 ;;
    *) echo "error: unknown argument '$1' (usage: build-bundle.sh [--out DIR] [--cuda-archs 90[,100]] [--call-mib N])" >&2; exit 2 ;;
  esac
done
case "$call_mib" in ''|*[!0-9]*) [ -z "$call_mib" ] || { echo "error: --call-mib takes a whole number of MiB, got '$call_mib'" >&2; exit 2; } ;; esac
case "$archs" in *[!0-9,]*|'') echo "error: --cuda-archs takes SM numbers such as 90 or 90,100, got '$archs'" >&2; exit 2 ;; esac

cd "$root"
stage="$(mktemp -d /tmp/scraps-gpu-bundle.XXXXXX)"
trap 'rm -rf "$stage"' EXIT
app="$stage/app"

echo "== publish (GPU build of ONNX Runtime, framework-dependent, linux-x64) into one folder"
# Its own artifacts folder, so that the CPU build's outputs stay as they are.
export SCRAPS_ARTIFACTS="$root/artifacts/gpu"
for project in src/Scraps.Service src/Scraps.Cli src/Scraps.Trainer; do
  nice -n 15 dotnet publish "$project" -c Release -p:OrtGpu=true -r linux-x64 --self-contained false -o "$app" -v q -nologo
done
ort_native="$(find "$HOME/.nuget/packages/microsoft.ml.onnxruntime.gpu.linux" -path '*/runtimes/linux-x64/native/libonnxruntime_providers_cuda.so' | sort | tail -n 1)"
cuda_lib="$app/libonnxruntime_providers_cuda.so"
[ -f "$cuda_lib" ] || { echo "error: the publish output has no libonnxruntime_providers_cuda.so (was -p:OrtGpu=true applied?)" >&2; exit 1; }
cmp -s "$cuda_lib" "$ort_native" || { echo "error: $cuda_lib differs from the package's $ort_native" >&2; exit 1; }
mv "$cuda_lib" "$stage/libonnxruntime_providers_cuda.so"
# TensorRT is not used; LibTorch (CPU) is replaced by the host's PyTorch (TorchRuntime loads it from SCRAPS_TORCH_LIB);
# SkiaSharp draws the eval plots, which the check does not make; debug symbols are left out too.
rm -f "$app/libonnxruntime_providers_tensorrt.so" "$app/libSkiaSharp.so" "$app/libHarfBuzzSharp.so" "$app"/*.pdb
for lib in "$HOME"/.nuget/packages/libtorch-cpu-linux-x64/*/runtimes/linux-x64/native/*; do
  rm -f "$app/$(basename "$lib")"
done
[ -f "$app/libLibTorchSharp.so" ] || { echo "error: the publish output has no libLibTorchSharp.so" >&2; exit 1; }

echo "== .NET runtime"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -n 1)"
aspnet="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)"
# Without the debugger's and crash dump's libraries, which running does not load.
tar -C "$dotnet_root" -cf - --exclude=createdump --exclude=libmscordaccore.so --exclude=libmscordbi.so \
    dotnet host "shared/Microsoft.NETCore.App/$runtime" "shared/Microsoft.AspNetCore.App/$aspnet" \
  | nice -n 15 xz -9 -T2 > "$stage/dotnet.tar.xz"

echo "== Debian packages of espeak-ng and libsndfile (and what they link, but libc and libstdc++)"
libs=(/usr/lib/x86_64-linux-gnu/libespeak-ng.so.1 /usr/lib/x86_64-linux-gnu/libsndfile.so.1)
mapfile -t needed < <(ldd "${libs[@]}" | awk '/=> \//{print $3}' | sort -u)
mapfile -t packages < <( (for f in "${libs[@]}" "${needed[@]}"; do dpkg -S "$(readlink -f "$f")" 2>/dev/null || dpkg -S "$f"; done) \
  | cut -d: -f1 | sort -u | grep -v -x -E 'libc6|libstdc\+\+6|libgcc-s1|libzstd1|liblzma5|zlib1g')
packages+=(espeak-ng-data)
mkdir -p "$stage/debs" "$stage/root"
(cd "$stage/debs" && apt-get download -qq -o APT::Sandbox::User=root "${packages[@]}" >/dev/null)
for deb in "$stage"/debs/*.deb; do dpkg-deb -x "$deb" "$stage/root"; done
# Unpacked here, without documentation, and with espeak-ng's dictionary of the model's language only (the other ~100
# are 11 of its 13 MB): the bundle must fit as few device calls as it can.
rm -rf "$stage/root/usr/share/doc" "$stage/root/usr/share/man" "$stage/root/usr/share/lintian"
find "$stage/root" -name '*_dict' ! -name 'en_dict' -delete
tar -C "$stage" -cf - root | nice -n 15 xz -9 -T2 > "$stage/root.tar.xz"

echo "== the app folder"
tar -C "$stage" -cf - app | nice -n 15 xz -9 -T2 > "$stage/app.tar.xz"

echo "== ONNX Runtime's CUDA provider: cubins for sm ${archs} only, xz"
keep=()
for a in ${archs//,/ }; do keep+=(--keep "$a"); done
python3 "$root/tests/gpu/prune_fatbin.py" "$stage/libonnxruntime_providers_cuda.so" "$stage/pruned.so" "${keep[@]}" | sed 's/^/  /'
cuda_sha="$(sha256sum "$stage/pruned.so" | cut -d' ' -f1)"
nice -n 15 xz -6 -T2 -c "$stage/pruned.so" > "$stage/cuda-ep.xz"

cat > "$stage/MANIFEST" <<EOF
# Written by tests/gpu/build-bundle.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ) from $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')
dotnet_runtime=$runtime
aspnetcore_runtime=$aspnet
ort_gpu_package=$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$ort_native")")")")")
cuda_archs=$archs
cuda_ep_sha256=$cuda_sha
debs=${packages[*]}
EOF
tar -C "$stage" -cf "$stage/payload.tar" MANIFEST dotnet.tar.xz app.tar.xz root.tar.xz cuda-ep.xz

echo "== split into device calls"
repo_bytes="$( (git ls-files -z; git ls-files -z --others --exclude-standard) | xargs -0 -r stat -c %s 2>/dev/null | awk '{s+=$1} END {print s+0}')"
if [ -z "$call_mib" ]; then
  call_mib=$(( (64 * 1048576 - repo_bytes) / 1048576 - 1 ))
fi
[ "$call_mib" -ge 8 ] || { echo "error: $call_mib MiB a call is too little (the repository sends $((repo_bytes / 1048576)) MiB)" >&2; exit 1; }
budget=$(( call_mib * 1048576 ))
total=$(stat -c %s "$stage/payload.tar")
parts=$(( (total + budget - 1) / budget ))
sha="$(sha256sum "$stage/payload.tar" | cut -d' ' -f1)"
rm -rf "$out"
for ((k = 1; k <= parts; k++)); do
  mkdir -p "$out/call-$k"
  dd if="$stage/payload.tar" of="$out/call-$k/payload.part-$k" bs=1M skip=$(( (k - 1) * call_mib )) count="$call_mib" status=none
  echo "$parts $sha" > "$out/call-$k/PARTS"
done
cp "$stage/MANIFEST" "$out/MANIFEST"

mib() { du -b "$1" | awk '{printf "%.1f", $1 / 1048576}'; }
echo
echo "bundle: $out, $(awk -v b="$total" 'BEGIN {printf "%.1f", b / 1048576}') MiB: runtime $(mib "$stage/dotnet.tar.xz"), apps $(mib "$stage/app.tar.xz"), packages $(mib "$stage/root.tar.xz"), CUDA provider $(mib "$stage/cuda-ep.xz") MiB"
for d in "$out"/call-*; do
  echo "  $(basename "$d"): $(du -b -c "$d"/* | tail -n 1 | awk '{printf "%.1f MiB", $1 / 1048576}')"
done
echo "  the repository sends $(awk -v b="$repo_bytes" 'BEGIN {printf "%.1f MiB", b / 1048576}') with each call; $call_mib MiB of bundle a call"
echo "device calls: $parts. Call k carries .device/gpu-check/call-k and runs 'bash tests/gpu/run.sh --receive'; the last one runs 'bash tests/gpu/run.sh'."
