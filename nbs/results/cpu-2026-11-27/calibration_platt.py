# Platt scaling (two parameters: sigmoid(a * logit(p) + b)) fitted on each round's validation part and applied to its
# held-out fold, for the 15 models of the triage runs (three seeds, five folds; triage-seed{0,1,2}-{val,test}.csv.gz).
# The companion of the one-parameter temperature in 07_honest, "Can p(fractured) be read as a probability?".
#   python nbs/results/cpu-2026-11-27/calibration_platt.py      (seconds; output kept in calibration_platt.txt)
# Ran on 27 November 2026 (twelfth session), 2-core CPU.
from pathlib import Path
import numpy as np, pandas as pd
from fracture_nbdev.evaluate import expected_calibration_error

here = Path(__file__).resolve().parent
logit = lambda p: (lambda q: np.log(q) - np.log1p(-q))(np.clip(np.asarray(p, dtype=float), 1e-7, 1 - 1e-7))
def nll(y, q): q = np.clip(q, 1e-7, 1 - 1e-7); return float(-np.mean(y * np.log(q) + (1 - y) * np.log1p(-q)))

def fit_platt(y, p, steps=50):
    "a, b of least cross-entropy for sigmoid(a * logit(p) + b): Newton's method (the loss is convex in a and b)."
    x, y, w = np.stack([logit(p), np.ones(len(p))], 1), np.asarray(y, dtype=float), np.array([1., 0.])
    for _ in range(steps):
        q = 1 / (1 + np.exp(-x @ w))
        w = w - np.linalg.solve(x.T @ (x * (q * (1 - q))[:, None]) + 1e-9 * np.eye(2), x.T @ (q - y))
    return w

rows = {}
for s in (0, 1, 2):
    test, val = pd.read_csv(here/f'triage-seed{s}-test.csv.gz'), pd.read_csv(here/f'triage-seed{s}-val.csv.gz')
    for f in range(5):
        t, v = test[test.fold.eq(f)], val[val.fold.eq(f)]
        a, b = fit_platt(v.y.values, v.p.values)
        q = 1 / (1 + np.exp(-(a * logit(t.p) + b)))
        rows[(s, f)] = dict(a=a, b=b, ECE=expected_calibration_error(t.y, t.p), **{'ECE after': expected_calibration_error(t.y, q)},
                            NLL=nll(t.y.values, t.p.values), **{'NLL after': nll(t.y.values, q)})
r = pd.DataFrame(rows).T
pd.set_option('display.width', 150)
print(r.round(3).to_string())
print('means:', r.mean().round(3).to_dict())
print(f'rounds (of {len(r)}) where Platt scaling fitted on the validation part helps the held-out fold: '
      f'ECE {(r["ECE after"] < r.ECE).sum()}, NLL {(r["NLL after"] < r.NLL).sum()}')
