# More seeds of 07_honest's full `strong` cross-validation on a CPU, one fold at a time, so that runs cut short by the
# end of a session keep every fold they finished and later sessions add the rest. It trains what the H200 run of
# 26 November 2026 trained for seed 0 (`fracture_train --cv 5 --cv-seeds S --arch tf_efficientnet_lite0 --weights LITE0
# --recipe strong --tta`: 224 px, every image, 12 epochs, cut at 0.5), with autocast as `fit`'s 'auto' picks it
# (bfloat16 on a CPU that has it, as the H200 used; float32 otherwise), and writes one file per fold beside this script:
#   FRACTURE_DATA=... python nbs/results/cpu-2026-11-28/cv_strong_seed.py SEED FOLD [FOLD ...]
# -> cv-lite0-strong-seed{SEED}-fold{FOLD}.csv.gz. Folds already written are skipped. Each round prints `fit`'s per-epoch table as
# it trains (`finetune(progress=True)`; the logs of the earlier runs here hold only a line per fold).
# `... cv_strong_seed.py 0 4` is the run that gave seed 0 its fifth fold (float32 on an Intel CPU, log-cv-strong-fold4.txt).
# AUGMENT=flip trains the recipe's optimisation with the seed recipe's flips only (`--augment flip`, gpu_run.sh's
# CV_AUGMENT=flip) and writes cv-lite0-strong-flip-seed{SEED}-fold{FOLD}.csv.gz: 07_honest's flips-only question for the
# full recipe. `AUGMENT=flip ... cv_strong_seed.py 0 0 1` ran on 29 November 2026 (2-core AMD EPYC, bfloat16, 40-41 min a fold,
# log-cv-strong-flip-seed0.txt), and `AUGMENT=flip ... cv_strong_seed.py 0 2 3 4` in the next session (same CPU, 39-42 min a fold).
# `AUGMENT=flip ... cv_strong_seed.py 1 0` ran in the session after (a 2-core AMD EPYC without bfloat16, so float32: 96 min;
# log-cv-strong-flip-seed1.txt), `AUGMENT=flip ... cv_strong_seed.py 1 1` in the next (same CPU, 86 min) and `... 1 2` in the
# one after (same CPU, 105 min, its per-epoch table in the log), `... 1 3` in the next (same CPU, 93 min) and `... 1 4`
# in the one after (same CPU, 99 min). `AUGMENT=flip ... cv_strong_seed.py 2 0` ran in the next session (same CPU, 93 min;
# log-cv-strong-flip-seed2.txt), `... 2 1` in the one after (the same kind of CPU, 82 min) and `... 2 2` in the next
# (the same kind of CPU, 86 min) and `... 2 3` in the one after (the same kind of CPU, 82 min, its frozen epoch slowed
# by tests run beside it); `EPOCH_PREDS=1 AUGMENT=flip ... cv_strong_seed.py 2 4` in the next (the same kind of CPU,
# 84 min with the per-epoch test predictions), so every seed has all five folds with flips only.
# EPOCH_PREDS=1 also writes each round's test predictions after every epoch (`finetune(epoch_preds=True)`), into
# ...-fold{FOLD}-epochs.csv.gz: what 07_honest's `checkpoint_rules` reads, to see what another checkpoint rule would have
# kept. It predicts the test fold after each of the twelve epochs, with TTA: about two more validation passes an epoch.
# On a fold already written and without its -epochs file, EPOCH_PREDS=1 re-trains the round (every epoch is seeded, so on
# the same kind of CPU it is the same round), writes the -epochs file, keeps the written predictions and prints how far
# the new ones are from them.
import os, sys, time, platform, warnings; warnings.simplefilter('ignore')
from pathlib import Path
import pandas as pd
here = Path(__file__).resolve().parent
from fracture_nbdev.eda import find_data
from fracture_nbdev.data import check_images
from fracture_nbdev.train import autocast_dtype, precision_name, get_device
from fracture_nbdev.crossval import EPOCH_PRED_COLUMNS, family_items, finetune, cross_validate, save_oof
seed, folds = int(sys.argv[1]), [int(f) for f in sys.argv[2:]]
lite0 = here.parents[2]/'../shared/weights/tf_efficientnet_lite0.imagenet.fp16.pth'
root = find_data()
items = check_images(family_items(root)[['path', 'label', 'family']])
aug = os.environ.get('AUGMENT')   # None: the recipe's own augmentation
per_epoch = os.environ.get('EPOCH_PREDS') == '1'
tp = finetune('tf_efficientnet_lite0', str(lite0), 'strong', size=224, resize=256, tta=True, device='cpu', progress=True, epoch_preds=per_epoch, **({'augment': aug} if aug else {}))
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
print(f'{cpu}, autocast {precision_name(autocast_dtype(get_device("cpu"), "auto"))}; recipe {tp.recipe}', flush=True)
for f in folds:
    out = here/f'cv-lite0-strong{"-" + aug if aug else ""}-seed{seed}-fold{f}.csv.gz'
    epochs_out = Path(str(out).replace('.csv.gz', '-epochs.csv.gz'))
    again = out.exists() and per_epoch and not epochs_out.exists()   # re-train a written round to add its per-epoch file
    if out.exists() and not again: print(f'{out.name} exists: skipped', flush=True); continue
    t = time.time()
    oof = cross_validate(items, tp, k=5, seeds=(seed,), folds=(f,))
    rel = lambda p: str(Path(p).relative_to(root.parents[1]))   # paths as the H200 file names them
    oof = oof.assign(path=oof.path.map(rel))
    if again:   # `fit` seeds every epoch, so the same CPU kind and precision give the same round: say how close it came
        old = pd.read_csv(out).set_index('path').p
        print(f'{out.name} exists: re-trained to add {epochs_out.name}; max |p - written p| = '
              f'{(oof.set_index("path").p - old).abs().max():.2e} over {len(old)} images (the written file is kept)', flush=True)
    else: save_oof(oof, out)
    if per_epoch:
        ep = tp.epoch_preds[-1]
        save_oof(ep.assign(path=ep.path.map(rel))[EPOCH_PRED_COLUMNS].sort_values(['path', 'epoch']), epochs_out)
    print(f'wrote {(epochs_out if again else out).name}: {len(oof)} images, {time.time() - t:.0f}s', flush=True)   # a re-trained round writes only its -epochs file
