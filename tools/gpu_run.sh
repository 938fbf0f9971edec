#!/usr/bin/env bash
# The GPU checks of issues 3, 5 and 6, as one prepared run for a lent GPU machine (device tool).
# Not yet run: no GPU was lent to the session that wrote it. Expect to fix small things on first use.
#
# Prepare here (the device has no internet and none of ../shared; gpu/ is git-ignored):
#   mkdir -p gpu/whl && python3 -m pip download --no-deps -d gpu/whl fastcore==1.14.5   # pure Python; nbdev is not needed
#   cp -r ../shared/data/fracture_xray gpu/data                                          # 48 MB; materialized there
#   cp ../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth gpu/
# Then: run(command="bash tools/gpu_run.sh [quick]", carry=["gpu"], timeout_s=590), and copy $OUT back.
# Everything it prints is also in $OUT/log.txt; the training histories and CV predictions are in $OUT.
set -uo pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
exec > >(tee "$OUT/log.txt") 2>&1
python3 -m pip install -q --no-index --no-deps --target /tmp/site gpu/whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 FRACTURE_CACHE=/tmp/cache
python3 gpu/data/materialize.py /tmp/data && export FRACTURE_DATA=/tmp/data
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import torch, torchvision, timm; print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'timm', timm.__version__)"
train() { python3 -c "from fracture_nbdev.train import fracture_train as f; f()" "$@"; }
W=gpu/tf_efficientnet_lite0.imagenet.fp16.pth
t0=$(date +%s)

# issue 5: the three data paths side by side, cache build, full 5-epoch recipe (after the cache exists)
python3 -m fracture_nbdev.bench --steps 50 --out "$OUT/bench.csv"

# issue 3: the seed recipe on the published split (cache + bf16; then the plain pipeline in fp32 once, for "same results")
train --arch resnet18 --weights none --out "$OUT/r18-official" --compile
train --arch tf_efficientnet_lite0 --weights $W --out "$OUT/lite0-official" --compile
train --arch resnet18 --weights none --out "$OUT/r18-official-plain" --no-cache --workers 16 --precision fp32 --seed 0   # the seed pipeline
for r in r18-official lite0-official; do
  python3 -c "from fracture_nbdev.evaluate import fracture_evaluate as f; f()" --model-path "$OUT/$r/best.pth" --out "$OUT/$r/eval"
done
echo "elapsed $(( $(date +%s) - t0 ))s"
[ "${1:-}" = quick ] && exit 0

# issue 6: family-grouped 5-fold CV, seed and strong recipes (one seed first; add seeds while time allows)
train --cv 5 --cv-seeds 0 --arch tf_efficientnet_lite0 --weights $W --recipe seed --out "$OUT/cv-lite0-seed"
train --cv 5 --cv-seeds 0 --arch tf_efficientnet_lite0 --weights $W --recipe strong --tta --out "$OUT/cv-lite0-strong"
echo "elapsed $(( $(date +%s) - t0 ))s"
train --cv 5 --cv-seeds 1,2 --arch tf_efficientnet_lite0 --weights $W --recipe strong --tta --out "$OUT/cv-lite0-strong-s12"
echo "elapsed $(( $(date +%s) - t0 ))s"
