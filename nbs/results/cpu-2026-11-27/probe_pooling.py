"""Does global average pooling dilute small fractures? Linear probes on frozen ImageNet EfficientNet-Lite0 feature maps,
pooled four ways (average, the network's own; max; GeM p=3; average and max side by side), at 224 and 320 px, in the
same family-grouped 5-fold cross-validation over 3 seeds as 07_honest's probe.
Usage: FRACTURE_DATA=DIR python probe_pooling.py WEIGHTS.pth OUT_PREFIX   (writes OUT_PREFIX.csv and OUT_PREFIX-wrist.csv)
"""
import sys, time
import numpy as np, pandas as pd, torch
from fracture_nbdev.eda import family_items
from fracture_nbdev.data import build_cache, TensorBatches
from fracture_nbdev.model import create_model
from fracture_nbdev.crossval import cross_validate, cv_summary, probe, auc_by, image_source

torch.set_num_threads(2)
items = family_items(progress=False)
model = create_model('tf_efficientnet_lite0', weights=sys.argv[1]).eval()
POOLS = {'average': lambda f: f.mean((2, 3)), 'max': lambda f: f.amax((2, 3)),
         'GeM p=3': lambda f: f.clamp_min(1e-6).pow(3).mean((2, 3)).pow(1 / 3),
         'average + max': lambda f: torch.cat([f.mean((2, 3)), f.amax((2, 3))], 1)}
rows, wrist = {}, {}
for size in (224, 320):
    t = time.time()
    c = build_cache(items, size=size, resize=round(size * 256 / 224), progress=False)
    row = dict(zip(items.path, c.index))
    pooled = {k: [] for k in POOLS}
    with torch.inference_mode():
        for xb, _ in TensorBatches(c.images, np.arange(len(c.images)), np.zeros(len(c.images), int), bs=64):
            f = model.forward_features(xb).float()
            for k, pool in POOLS.items(): pooled[k].append(pool(f))
    print(f'{size} px: feature maps of {len(c.images)} distinct images in {time.time() - t:.0f} s', flush=True)
    for k, v in pooled.items():
        oof = cross_validate(items, probe(torch.cat(v), row), k=5, seeds=(0, 1, 2), progress=False)
        s = cv_summary(oof, n_boot=0)
        rows[f'{size} px, {k}'] = s.xs('mean', axis=1, level=1).stack()
        a = auc_by(oof, image_source)
        wrist[f'{size} px, {k}'] = a.loc[a.images.idxmax(), ['auc per image', 'auc per family']]
        print(f'{size} px, {k}: done', flush=True)
pd.set_option('display.width', 200)
table, inside = pd.DataFrame(rows).T, pd.DataFrame(wrist).T.astype(float)
table.columns = [f'{m} {u}' for m, u in table.columns]   # flat names: 'accuracy per image', ...
table.rename_axis('features').to_csv(sys.argv[2] + '.csv'); inside.rename_axis('features').to_csv(sys.argv[2] + '-wrist.csv')
print(table.round(3).to_string())
print('inside the largest source (the <id>-rotated wrist films):')
print(inside.round(3).to_string())
