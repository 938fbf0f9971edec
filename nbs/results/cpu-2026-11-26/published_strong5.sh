#!/usr/bin/env bash
# The reduced `strong` recipe (EfficientNet-Lite0 with the local ImageNet weights, 5 epochs, 160 px, seed 0) trained
# on the *published* split (all 9,246 training images, best epoch by the 749 validation images) and evaluated once on
# its 506 test images, without and with TTA. Ran on 27 November 2026 (eighth session) on the 2-core CPU build machine
# (log-published-strong5.txt). Writes published-strong5-160-seed0-test[-tta].csv beside this script: fracture_evaluate's
# predictions with each image's family (`--families`; this session added them from `family_items` by hand, the same
# families), so 07_honest can score them per family.
#   FRACTURE_DATA=... bash nbs/results/cpu-2026-11-26/published_strong5.sh [RUN_DIR]   (from any folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=$(realpath -m "${1:-$here/../../../runs/published-strong5-160}")   # default: runs/ at the repository's root (ignored)
cd "$here/../.."   # nbs/, where the notebooks and rerun_07_finetune.py run: ../../shared is the project's shared folder
weights=${WEIGHTS:-../../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth}
[ -f "$run/best.pth" ] ||   # a finished training is reused: only the evaluations run again
fracture_train --split official --recipe strong --epochs 5 --size 160 --resize 183 --arch tf_efficientnet_lite0 \
  --weights "$weights" --seed 0 --out "$run"
fracture_evaluate --model-path "$run/best.pth" --split test --families --out "$run/test"
fracture_evaluate --model-path "$run/best.pth" --split test --families --tta --out "$run/test-tta"
python - "$run" "$here" <<'EOF'
import sys
from pathlib import Path
import pandas as pd
from fracture_nbdev.eda import find_data
run, here = Path(sys.argv[1]), Path(sys.argv[2])
root = find_data()
for part in ('test', 'test-tta'):
    p = pd.read_csv(run/part/'predictions.csv')   # with each image's family (--families)
    assert p.family.notna().all(), 'an evaluated image has no family'
    p['path'] = [str(Path(q).relative_to(root.parent)) for q in p.path]
    p.to_csv(here/f'published-strong5-160-seed0-{part}.csv', index=False)
    print('wrote', here/f'published-strong5-160-seed0-{part}.csv')
EOF
