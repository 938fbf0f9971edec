"""The published test split as DICOM: does a model score the same on DICOM files as on the JPEG/PNG files they were made from?

Writes every test image as a 12-bit DX DICOM file (stored upright, MONOCHROME2, and inverted, MONOCHROME1) in the Kaggle
layout, runs `fracture_evaluate` on the original files and on each DICOM copy, and prints accuracy and agreement.
Usage: FRACTURE_DATA=DIR python dicom_published_test.py CHECKPOINT WORKDIR
"""
import json, os, subprocess, sys
from pathlib import Path
import pandas as pd
from fracture_nbdev.eda import find_split_root, list_files
from fracture_nbdev.data import load_xray, save_dicom

ckpt, work = Path(sys.argv[1]), Path(sys.argv[2])
root = find_split_root(os.environ['FRACTURE_DATA'])
test = list_files(root, ('test',), require=False)
variants = {'DICOM 12-bit, MONOCHROME2': (work/'dicom-mono2', False), 'DICOM 12-bit, MONOCHROME1': (work/'dicom-mono1', True)}
for p in test.path:
    try: img = load_xray(root/p, channels=1)   # decoded once, written as both variants
    except Exception: continue   # not an image (the stray files): nothing to convert
    for dest, inverted in variants.values():
        out = dest/'Bone_Fracture_Binary_Classification'/(p + '.dcm')   # 0.png -> 0.png.dcm: no two files share a name
        out.parent.mkdir(parents=True, exist_ok=True); save_dicom(img, out, monochrome1=inverted)
runs = {'JPEG/PNG as published': Path(os.environ['FRACTURE_DATA'])} | {k: dest for k, (dest, _) in variants.items()}
res, preds = {}, {}
for name, data in runs.items():
    out = work/('eval-' + data.name)
    subprocess.run(['fracture_evaluate', '--model-path', str(ckpt), '--data-dir', str(data), '--split', 'test', '--out', str(out),
                    '--device', 'cpu'], check=True, stdout=subprocess.DEVNULL)
    m = json.loads((out/'metrics.json').read_text())
    d = pd.read_csv(out/'predictions.csv')
    d['key'] = [p.split('/test/', 1)[1].removesuffix('.dcm') for p in d.path]
    preds[name] = d.set_index('key')
    res[name] = dict(images=len(d), accuracy=m['metrics']['accuracy']['value'])
base = preds['JPEG/PNG as published']
for name, d in preds.items():
    j = base.merge(d, left_index=True, right_index=True, suffixes=('', '_dcm'))
    dp = (j.probability - j.probability_dcm).abs()
    res[name].update(matched=len(j), same_prediction=int((j.prediction == j.prediction_dcm).sum()),
                     mean_abs_dp=float(dp.mean()), max_abs_dp=float(dp.max()))
print(pd.DataFrame(res).T.round(4).to_string())
