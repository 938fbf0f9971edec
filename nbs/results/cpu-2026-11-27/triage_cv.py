# Triage operating points in family-grouped cross-validation (07_honest, "A triage operating point chosen on the
# validation parts"). The reduced `strong` recipe of 07 (EfficientNet-Lite0 with ImageNet weights, 160 px, 5 epochs,
# one copy of each byte-identical image in train/val), five folds of one seed. Every round predicts its validation part
# as well as its test part (`finetune(val_threshold=0.95)`), so each rule below is applied to the same five models:
#   p >= 0.5 | the cut `choose_threshold` picks (`--val-threshold`) | the cuts reaching 90% and 95% sensitivity per image
#   on the validation part (`threshold_for_sensitivity`, the operating point `fracture_evaluate --target-sensitivity`
#   picks for one model).
#
#   FRACTURE_DATA=... python nbs/results/cpu-2026-11-27/triage_cv.py [SEED]     (run from anywhere; about 35 min, 2-core CPU)
#
# Writes triage-seedS-test.csv.gz (out-of-fold test predictions: each model's own p(fractured), and the fold's cut for
# 95%) and triage-seedS-val.csv.gz (each round's validation predictions), then the table of the rules from those two
# files (triage-seedS-table.csv; printed, kept as triage-seedS.txt). Where the two files exist it only makes the table.
# Ran on 27 November 2026 (eleventh session), on a 2-core CPU without bfloat16 (so the models trained in float32):
# seed 0 (46 min, sharing the CPU with CI for part of it; log-triage-seed0.txt: the first version of this script, which
# made the same table without `cut_on_validation`, then this version in its table-only mode), seed 1 (39 min,
# log-triage-seed1.txt) and seed 2 (46 min, CI sharing the CPU for its first fold; log-triage-seed2.txt).
import os, sys, time, warnings; warnings.simplefilter('ignore')
from pathlib import Path
import numpy as np, pandas as pd
here = Path(__file__).resolve().parent
os.chdir(here.parents[1])   # nbs/, where the notebook runs
from fracture_nbdev.eda import find_data
from fracture_nbdev.data import build_cache
from fracture_nbdev.evaluate import threshold_for_sensitivity
from fracture_nbdev.crossval import choose_threshold, cross_validate, cut_on_validation, cv_summary, family_items, finetune, shift_threshold

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 0
root = find_data()
test_csv, val_csv = here/f'triage-seed{SEED}-test.csv.gz', here/f'triage-seed{SEED}-val.csv.gz'
if not test_csv.exists():   # train (else: the table again, from the saved predictions)
    items = family_items(root)
    row = dict(zip(items.path, build_cache(items).index))
    def distinct(d): return d[~d.path.map(row).duplicated()]   # one copy of each byte-identical image, as in 07
    lite0 = Path('../../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth')
    fin = finetune('tf_efficientnet_lite0', lite0, 'strong', size=160, resize=183, epochs=5, val_threshold=0.95)
    def tp(tr, va, te, seed): return fin(distinct(tr), distinct(va), te, seed)
    tp.thresholds = fin.thresholds                                   # so cross_validate records each round's cut
    t0 = time.time()
    oof = cross_validate(items, tp, k=5, seeds=(SEED,))
    print(f'trained and predicted 5 folds in {time.time() - t0:.0f} s', flush=True)
    oof['p'] = shift_threshold(oof.p.values, 1 - oof.threshold.values)   # undo the 95% cut: the model's own p(fractured)
    val = pd.concat([v.assign(fold=f) for f, v in enumerate(fin.val_preds)])
    rel = lambda p: p.map(lambda s: str(Path(s).relative_to(root.parent)) if str(s).startswith(str(root.parent)) else s)
    oof.assign(path=rel(oof.path)).to_csv(test_csv, index=False)
    val.assign(path=rel(val.path))[['seed', 'fold', 'path', 'label', 'family', 'y', 'p']].to_csv(val_csv, index=False)
oof, val = pd.read_csv(test_csv), pd.read_csv(val_csv)

if 'seed' not in val: val['seed'] = SEED   # the seed-0 run saved its validation predictions before they had a seed column

rules = {'p >= 0.5': lambda v: 0.5,
         'best balanced accuracy per family on val (--val-threshold)': lambda v: choose_threshold(v.y.values, v.p.values, v.family.values),
         'sensitivity >= 90% on val': lambda v: threshold_for_sensitivity(v.y, v.p, 0.90)['threshold'],
         'sensitivity >= 95% on val': lambda v: threshold_for_sensitivity(v.y, v.p, 0.95)['threshold']}
rows = {}
for name, rule in rules.items():
    cut = cut_on_validation(oof, val, rule)
    cuts = cut.groupby('fold').threshold.first()
    vsens = [(v.p[v.y.eq(1)] >= cuts[f]).mean() for f, v in val.groupby('fold')]   # what the rule promised, on the part it chose on
    m = cv_summary(cut)
    rows[name] = {'cuts (folds 0-4)': ' '.join(f'{t:.2f}' for t in cuts), 'val sensitivity': np.mean(vsens),
                  **{f'{u} {k}': m.loc[k, (u, 'mean')] for u in ('per image', 'per family') for k in ('sensitivity', 'specificity', 'accuracy')},
                  **{f'per image {k} 95% CI': f'[{m.loc[k, ("per image", "lo")]:.3f}, {m.loc[k, ("per image", "hi")]:.3f}]' for k in ('sensitivity', 'specificity')}}
    if name == 'sensitivity >= 95% on val': assert np.allclose(cut.threshold, oof.threshold), 'the cuts differ from the run\'s'
t = pd.DataFrame.from_dict(rows, orient='index').rename_axis('rule')
t.to_csv(here/f'triage-seed{SEED}-table.csv')
pd.set_option('display.width', 250); pd.set_option('display.max_columns', 20)
print(f'seed {SEED}: {len(oof)} test images, {oof.family.nunique()} families; rules applied to the same five models\n')
print(t.round(3).T.to_string())
a = cv_summary(oof).loc['roc_auc']
print(f'\nROC AUC out of fold (the models, whatever the cut): per image {a[("per image", "mean")]:.3f}, per family {a[("per family", "mean")]:.3f}')
