#!/usr/bin/env bash
# The GPU checks of issues 3, 5 and 6, as one prepared run for a lent GPU machine (device tool).
# Not yet run on a GPU: no GPU was lent to the sessions that wrote it. `DRY=1 bash tools/gpu_run.sh quick` rehearses it
# on a CPU (64 px, one epoch, the quick benchmark, no compile) in an environment like the device's (python3 with torch,
# torchvision, timm, pandas, seaborn, matplotlib, tqdm; no fastcore, nbdev, ipywidgets or kagglehub).
#
# Prepare here (the device has no internet and none of ../shared; gpu/ is git-ignored):
#   mkdir -p gpu/whl && python3 -m pip download --no-deps -d gpu/whl fastcore==1.14.5   # pure Python; nbdev is not needed
#   cp -r ../shared/data/fracture_xray gpu/data && gzip -9 gpu/data/manifest.csv         # 47 MB; materialized there
#   cp ../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth gpu/
# The working tree and gpu/ travel together under 64 MiB (67,108,864 bytes): 62.9 MB in late November 2026, hence the
# gzipped manifest and notebook figures stored at most 1,400 px wide in 256 colours.
# Check with: echo $(( $(du -sb gpu | cut -f1) + $(git ls-files -z | xargs -0 du -cb | tail -1 | cut -f1) ))
# Then: run(command="bash tools/gpu_run.sh [quick]", carry=["gpu"], timeout_s=590).
# Only 8 files come back from $OUT, so it holds two: log.txt (everything printed) and results.tgz (histories, metrics,
# CV predictions and pictures of every run, no checkpoints), repacked after every step so a timeout keeps what ran.
set -uo pipefail
OUT=${OUT:-/tmp/out}; RUNS=/tmp/runs; mkdir -p "$OUT" "$RUNS"
exec > >(tee "$OUT/log.txt") 2>&1
pack() { tar czf "$OUT/results.tgz" --exclude='*.pth' -C "$(dirname "$RUNS")" "$(basename "$RUNS")"; echo "elapsed $(( $(date +%s) - t0 ))s"; }
t0=$(date +%s)
python3 -m pip install -q --no-index --no-deps --target /tmp/site gpu/whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 FRACTURE_CACHE=/tmp/cache
mkdir -p /tmp/store && cp -r gpu/data/. /tmp/store/ && gunzip -f /tmp/store/manifest.csv.gz && python3 /tmp/store/materialize.py /tmp/data \
  && export FRACTURE_DATA=/tmp/data || exit 1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import torch, torchvision, timm; print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'timm', timm.__version__)"
X=(); B=(--steps 50); C=(--compile); D=()
if [ -n "${DRY:-}" ]; then X=(--device cpu --epochs 1 --size 64 --resize 64); B=(--quick); C=(); D=(--device cpu); fi
train() { python3 -c "from fracture_nbdev.train import fracture_train as f; f()" "$@" "${X[@]}"; }
evaluate() { python3 -c "from fracture_nbdev.evaluate import fracture_evaluate as f; f()" "$@" "${D[@]}"; }
W=gpu/tf_efficientnet_lite0.imagenet.fp16.pth

# issue 5: the three data paths side by side, cache build, full 5-epoch recipe (after the cache exists)
python3 -m fracture_nbdev.bench "${B[@]}" --out "$RUNS/bench.csv"; pack

# issue 3: the seed recipe on the published split (cache + bf16; then the plain pipeline in fp32 once, for "same results")
train --arch resnet18 --weights none --out "$RUNS/r18-official" "${C[@]}"; pack
train --arch tf_efficientnet_lite0 --weights $W --out "$RUNS/lite0-official" "${C[@]}"; pack
train --arch resnet18 --weights none --out "$RUNS/r18-official-plain" --no-cache --workers 16 --precision fp32 --seed 0; pack
for r in r18-official lite0-official; do evaluate --model-path "$RUNS/$r/best.pth" --out "$RUNS/$r/eval"; done; pack
[ "${1:-}" = quick ] && exit 0

# issue 6: family-grouped 5-fold CV, seed and strong recipes (one seed first; add seeds while time allows)
train --cv 5 --cv-seeds 0 --arch tf_efficientnet_lite0 --weights $W --recipe seed --out "$RUNS/cv-lite0-seed"; pack
train --cv 5 --cv-seeds 0 --arch tf_efficientnet_lite0 --weights $W --recipe strong --tta --out "$RUNS/cv-lite0-strong"; pack
train --cv 5 --cv-seeds 1,2 --arch tf_efficientnet_lite0 --weights $W --recipe strong --tta --out "$RUNS/cv-lite0-strong-s12"; pack
