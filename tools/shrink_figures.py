"""Store the notebooks' PNG outputs at most 1,000 px wide in 256 colours, so the tracked tree stays small.

The GPU checks send the working tree and the ignored gpu/ folder (47.5 MB of images, 9.5 MB of weights) together,
under 64 MiB (see tools/gpu_run.sh); full-colour retina figures of 2,000-2,700 px would eat that margin. Matplotlib
figures have few colours, so a 256-colour palette looks the same.

    python tools/shrink_figures.py [NOTEBOOK...]     (default: nbs/*.ipynb; rewrites only figures it makes smaller)
    python tools/shrink_figures.py --check          (exit 1 and name the figures it would rewrite)
"""
from __future__ import annotations
import argparse, base64, glob, io, json, sys
from pathlib import Path
from PIL import Image

MAX_WIDTH = 1000


def shrink(png:bytes) -> bytes:
    "The PNG at most MAX_WIDTH wide, in a 256-colour palette (transparency flattened onto white)."
    im = Image.open(io.BytesIO(png))
    if im.mode in ('RGBA', 'LA', 'P'):
        im = im.convert('RGBA'); bg = Image.new('RGBA', im.size, 'white'); bg.alpha_composite(im); im = bg
    im = im.convert('RGB')
    if im.width > MAX_WIDTH: im = im.resize((MAX_WIDTH, round(im.height * MAX_WIDTH / im.width)), Image.LANCZOS)
    out = io.BytesIO(); im.quantize(256, method=Image.Quantize.MEDIANCUT).save(out, 'PNG', optimize=True)
    return out.getvalue()

def smaller(png:bytes) -> bytes|None:
    "`shrink(png)` where the figure is too wide or in full colour and shrinking saves bytes; else None (keep it)."
    im = Image.open(io.BytesIO(png))
    if im.mode == 'P' and im.width <= MAX_WIDTH: return None
    new = shrink(png)
    return new if len(new) < len(png) else None

def figures(nb:dict):
    "(output data dict, PNG bytes) for every PNG output of a notebook."
    for cell in nb['cells']:
        for o in cell.get('outputs', []):
            if 'image/png' in o.get('data', {}): yield o['data'], base64.b64decode(o['data']['image/png'])

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('notebooks', nargs='*'); ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    paths = a.notebooks or sorted(glob.glob(str(Path(__file__).resolve().parents[1]/'nbs'/'*.ipynb')))
    bad = []
    for path in paths:
        text = Path(path).read_text(); nb = json.loads(text); saved = 0
        for data, png in figures(nb):
            new = smaller(png)
            if new is None: continue
            if a.check: im = Image.open(io.BytesIO(png)); bad.append(f'{path}: {im.width}x{im.height} {im.mode}'); continue
            data['image/png'] = base64.b64encode(new).decode(); saved += len(png) - len(new)
        if saved and not a.check:
            Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
            print(f'{path}: {saved / 1e3:.0f} kB smaller')
    if bad: print(f'figures that would be smaller at most {MAX_WIDTH:,} px wide in 256 colours (run python tools/shrink_figures.py):', *bad, sep='\n  '); sys.exit(1)

if __name__ == '__main__': main()
