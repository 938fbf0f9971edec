# The fifth fold (fold 4) of 07_honest's full `strong` cross-validation, seed 0, on the 2-core CPU: the H200 run of
# 26 November 2026 (nbs/results/h200-2026-11-26/cv-lite0-strong-seed0.csv.gz) finished folds 0-3 and lost fold 4 when
# its machine went back. This trains what that run trained (`fracture_train --cv 5 --cv-seeds 0 --arch
# tf_efficientnet_lite0 --weights LITE0 --recipe strong --tta`: 224 px, every image, 12 epochs, cut at 0.5) on fold 4
# only, in float32 (this CPU has no bfloat16), and writes cv-lite0-strong-seed0-fold4.csv.gz beside this script:
#   FRACTURE_DATA=... python nbs/results/cpu-2026-11-28/cv_strong_fold4.py   (from any folder; log-cv-strong-fold4.txt)
import time, warnings; warnings.simplefilter('ignore')
from pathlib import Path
here = Path(__file__).resolve().parent
from fracture_nbdev.eda import find_data
from fracture_nbdev.data import check_images
from fracture_nbdev.crossval import family_items, finetune, cross_validate
lite0 = here.parents[2]/'../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth'
root = find_data()
items = check_images(family_items(root)[['path', 'label', 'family']])
tp = finetune('tf_efficientnet_lite0', str(lite0), 'strong', size=224, resize=256, tta=True, device='cpu')
out = here/'cv-lite0-strong-seed0-fold4.csv.gz'
t = time.time()
oof = cross_validate(items, tp, k=5, seeds=(0,), folds=(4,))
oof['path'] = oof.path.map(lambda p: str(Path(p).relative_to(root.parents[1])))   # as the H200 file names them
oof.to_csv(out, index=False)
print(f'wrote {out.name}: {len(oof)} images, {time.time() - t:.0f}s; recipe {tp.recipe}', flush=True)
