# Re-run of nbs/07_honest.ipynb's CPU fine-tuning cells (seed 0, 160 px, distinct copies), folds 0-3 only, saving the predictions.
import os, sys, time, warnings; warnings.simplefilter('ignore')
os.chdir('/work/main/nbs')
from pathlib import Path
import numpy as np, pandas as pd
from fracture_nbdev.eda import find_data
from fracture_nbdev.data import build_cache
from fracture_nbdev.crossval import family_items, finetune, cross_validate
root = find_data(); items = family_items(root)
c = build_cache(items); row = dict(zip(items.path, c.index))
lite0 = Path('../../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth')
def distinct(d): return d[~d.path.map(row).duplicated()]
for name, kw in [('strong5-valthreshold', dict(recipe='strong', epochs=5, val_threshold=True))]:
    r = kw.pop('recipe')
    fin = finetune('tf_efficientnet_lite0', lite0, r, size=160, resize=183, **kw)
    calls = [0]
    def tp(tr, va, te, seed):
        calls[0] += 1
        if calls[0] == 5: return np.full(len(te), np.nan)          # fold 4: not needed for the comparison
        return fin(distinct(tr), distinct(va), te, seed)
    t = time.time()
    oof = cross_validate(items, tp, k=5, seeds=(0,))
    oof = oof[oof.fold.lt(4)]; oof['path'] = oof.path.map(lambda p: str(Path(p).relative_to(root.parent)) if str(p).startswith(str(root.parent)) else p)
    oof.to_csv(f'/root/cpuoof/{name}.csv.gz', index=False); print(name, f'{time.time()-t:.0f}s', 'thresholds', fin.thresholds, flush=True)
