# Re-run of nbs/07_honest.ipynb's CPU fine-tuning cells (EfficientNet-Lite0, seed 0, 160 px, one copy of each
# byte-identical image in train/val) on folds 0-3 only, saving the predictions beside this script:
#   FRACTURE_DATA=... [SEED=1] [FOLDS=4] python nbs/results/cpu-2026-11-26/rerun_07_finetune.py [RUN ...]   (RUN: see RUNS; default all)
# SEED (default 0) picks the seed of the folds and the training; FOLDS (default 0,1,2,3) the folds. A run writes
# NAME-seedS.csv.gz, or NAME-seedS-foldsF.csv.gz for other folds than the default.
# The CSVs here came from this script on 26 November 2026 (2-core CPU, 18-30 min a run; logs beside it), run as
# `strong5 seed` and then `strong5-valthreshold`. That last run predates the `threshold` column of `cross_validate`,
# so its column was filled in from the thresholds it printed (0.85, 0.46, 0.45, 0.67). `strong-family16` ran on
# 27 November 2026 (log-family16.txt): the full 12 epochs of `strong`, at most 16 images of a family in each epoch,
# about the image-steps of `strong5` (about 950 x 12 against 2,280 x 5 a fold). Then `FOLDS=4 ... strong-family16 strong5`
# (log-fold4.txt) and `SEED=1`/`SEED=2 FOLDS=0,1,2,3,4 ... strong5` (log-strong5-seeds12.txt), the same day.
# The learning curve's `FOLDS=0,1,2,3,4 ... strong5-frac25 strong5-frac50` ran on 27 November 2026 (log-learning-curve.txt),
# seed 0 before `cross_validate` had `folds=` (this script then skipped folds by counting calls: the same rounds).
# `fewer_families` keeps every family at fraction 1, so its full-data point is `strong5` itself. Seeds 1 and 2 followed:
# `SEED=1`/`SEED=2 FOLDS=0,1,2,3,4 ... strong5-frac25 strong5-frac50` (log-learning-curve-seeds12.txt), 8-16 min a run;
# then an eighth of the families, `SEED=s FOLDS=0,1,2,3,4 ... strong5-frac12` for s = 0, 1, 2 (log-learning-curve-frac12.txt).
# On 27 November 2026 (seventh session): `SEED=0 FOLDS=0,1,2,3,4 ... strong5-224` (log-224.txt), 10 minutes a fold,
# then `SEED=0 FOLDS=0,1,2,3,4 ... strong5-tta` (log-tta.txt), 5-6 minutes a fold.
# On 27 November 2026 (eighth session): `SEED=1`, then `SEED=2 FOLDS=0,1,2,3,4 ... strong5-tta` (log-tta-seeds12.txt), 5-8 min a fold.
# On 27 November 2026 (ninth session): `SEED=1`, then `SEED=2 FOLDS=0,1,2,3,4 ... strong5-224` (log-224-seeds12.txt), 9-18 min a fold (the longest while other jobs shared the CPU).
# On 27 November 2026 (tenth session): `SEED=0 FOLDS=0,1,2,3,4 ... strong5-224-valthreshold` (log-224-valthreshold.txt).
# On 29 November 2026 (twenty-sixth session, 2-core AMD EPYC, bf16): `SEED=s FOLDS=0,1,2,3,4 ... seed-224` for s = 0, 1, 2
# (log-seed-224.txt), 5.3-5.8 minutes a fold.
# Then `SEED=0 FOLDS=4 ... seed` and `SEED=s FOLDS=0,1,2,3,4 ... seed` for s = 1, 2 (log-seed-160.txt), about 3 minutes a fold.
# On 29 November 2026 (twenty-seventh session, same CPU): `SEED=s FOLDS=0,1,2,3,4 ... seed-xray-224 strong5-flip-224` for s = 0, 1
# (log-ablation-224.txt), 5.6-6.8 minutes a fold.
# On 29 November 2026 (twenty-eighth session, same CPU): `SEED=2 FOLDS=0,1,2,3,4 ... seed-xray-224 strong5-flip-224`
# (log-ablation-224.txt), 5.6-6.1 minutes a fold; then `SEED=s FOLDS=0,1,2,3,4 ... strong5-flip` for s = 0, 1, 2
# (log-flip-160.txt), about 3 minutes a fold.
# On 29 November 2026 (twenty-ninth session, same CPU): `SEED=s FOLDS=0,1,2,3,4 ... seed-xray` for s = 0, 1, 2
# (log-seed-xray-160.txt), about 3 minutes a fold. Seeds 1 and 2 were written by `save_oof`, seed 0's file rewritten by it.
import os, sys, time, warnings; warnings.simplefilter('ignore')
from pathlib import Path
here = Path(__file__).resolve().parent
os.chdir(here.parents[1])   # nbs/, where the notebook runs
from fracture_nbdev.eda import find_data
from fracture_nbdev.data import build_cache
from fracture_nbdev.crossval import family_items, finetune, cross_validate, fewer_families, save_oof
RUNS = {'strong5': ('cv-lite0-strong5-160', dict(recipe='strong', epochs=5)),
        'seed': ('cv-lite0-seed-160', dict(recipe='seed')),
        'strong5-valthreshold': ('cv-lite0-strong5-160-valthreshold', dict(recipe='strong', epochs=5, val_threshold=True)),
        'strong-family16': ('cv-lite0-strong-family16-160', dict(recipe='strong', per_family=16)),
        # the learning curve: `strong5` trained on a random eighth, quarter or half of each class's training families
        'strong5-frac12': ('cv-lite0-strong5-frac12-160', dict(recipe='strong', epochs=5, frac=0.125)),
        'strong5-frac25': ('cv-lite0-strong5-frac25-160', dict(recipe='strong', epochs=5, frac=0.25)),
        'strong5-frac50': ('cv-lite0-strong5-frac50-160', dict(recipe='strong', epochs=5, frac=0.5)),
        # resolution alone: `strong5` at the recipe's 224 px (resize 256) instead of 160 px
        'strong5-224': ('cv-lite0-strong5-224', dict(recipe='strong', epochs=5, size=224, resize=256)),
        # the threshold alone at 224 px: `strong5-224` cut where `choose_threshold` puts it on each round's validation part
        'strong5-224-valthreshold': ('cv-lite0-strong5-224-valthreshold', dict(recipe='strong', epochs=5, size=224, resize=256, val_threshold=True)),
        # the user's recipe at the user's 224 px (resize 256), to set beside `strong5-224`
        'seed-224': ('cv-lite0-seed-224', dict(recipe='seed', size=224, resize=256)),
        # which of `strong`'s ingredients keeps it up at 224 px: the seed recipe with `strong`'s X-ray augmentation only,
        # and `strong5-224` with the seed recipe's flip only (AdamW, one-cycle, backbone at 0.3x, label smoothing)
        'seed-xray-224': ('cv-lite0-seed-xray-224', dict(recipe='seed', augment='xray', size=224, resize=256)),
        'strong5-flip-224': ('cv-lite0-strong5-flip-224', dict(recipe='strong', epochs=5, augment='flip', size=224, resize=256)),
        # the same question at 160 px: `strong5` with the seed recipe's flip only
        'strong5-flip': ('cv-lite0-strong5-flip-160', dict(recipe='strong', epochs=5, augment='flip')),
        # and the seed recipe with `strong`'s X-ray augmentation only, which completes the 2 x 2 grid at 160 px
        'seed-xray': ('cv-lite0-seed-xray-160', dict(recipe='seed', augment='xray')),
        # test-time augmentation alone: `strong5` predicting each test image as the mean over it and its mirror image
        'strong5-tta': ('cv-lite0-strong5-tta-160', dict(recipe='strong', epochs=5, tta=True))}
root = find_data(); items = family_items(root)
c = build_cache(items); row = dict(zip(items.path, c.index))
lite0 = Path('../../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth')
FOLDS = [int(f) for f in os.environ.get('FOLDS', '0,1,2,3').split(',')]
SEED = int(os.environ.get('SEED', '0'))
def distinct(d): return d[~d.path.map(row).duplicated()]
for name in sys.argv[1:] or RUNS:
    out, kw = RUNS[name]; kw = dict(kw); frac = kw.pop('frac', 1.0)
    fin = finetune('tf_efficientnet_lite0', lite0, kw.pop('recipe'), **{'size': 160, 'resize': 183, **kw})
    tp = fewer_families(lambda tr, va, te, seed: fin(distinct(tr), distinct(va), te, seed), frac)
    tp.thresholds = fin.thresholds                                 # so cross_validate records each round's cut
    t = time.time()
    oof = cross_validate(items, tp, k=5, seeds=(SEED,), folds=FOLDS)
    oof['path'] = oof.path.map(lambda p: str(Path(p).relative_to(root.parent)) if str(p).startswith(str(root.parent)) else p)
    save_oof(oof, here/(f'{out}-seed{SEED}' + ('' if FOLDS == [0, 1, 2, 3] else f'-folds{"".join(map(str, FOLDS))}') + '.csv.gz')); print(name, f'{time.time()-t:.0f}s', 'thresholds', fin.thresholds, flush=True)
