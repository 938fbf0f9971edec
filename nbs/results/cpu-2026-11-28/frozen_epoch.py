"""Why was the fast path's frozen first epoch slower than the plain path's on the 2-core CPU (590-633 s against 380 s)?
Times, on the same 640 training images of the published split, ResNet-18 from scratch in float32, batch 32:
each data path's batches alone, and training steps with the backbone frozen and unfrozen on each path."""
import os, time, torch, pandas as pd
from fracture_nbdev.eda import get_items
from fracture_nbdev.data import get_dls
from fracture_nbdev.model import create_model, freeze, unfreeze
from fracture_nbdev.train import make_optimizer, train_one_epoch

N = int(os.environ.get('N', 640))
items = get_items(os.environ['FRACTURE_DATA'], 'official', None, 0)
tr = items[items.split.eq('train')].sample(N, random_state=0)
sub = pd.concat([tr, items[items.split.eq('val')].head(64)])
dev = torch.device('cpu')
dls = {'plain': get_dls(sub, cache=False),
       'fast': get_dls(sub, cache=True)}
rows = []
def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t
for path, d in dls.items():
    rows.append(dict(path=path, what='batches only', s=timed(lambda: [None for _ in d.train])))
for rep in range(2):
    for path, d in dls.items():
        for frozen in (True, False):
            torch.manual_seed(0)
            m = create_model('resnet18', weights=None).to(dev, memory_format=torch.channels_last)
            (freeze if frozen else unfreeze)(m)
            opt = make_optimizer(m, 'adam', 1e-3, device=dev)
            s = timed(lambda: train_one_epoch(m, d.train, opt, dev, progress=False, precision='fp32'))
            rows.append(dict(path=path, what='frozen' if frozen else 'unfrozen', s=s))
            print(rows[-1], flush=True)
r = pd.DataFrame(rows).groupby(['path', 'what']).s.min().unstack()
r['batches'] = len(dls['fast'].train)
print(f'{N} training images, torch {torch.__version__}, {torch.get_num_threads()} threads')
print(r.round(1))
