"""Why was the fast path's frozen first epoch slower than the plain path's on the 2-core CPU (590-633 s against 380 s)?
On the same 640 training images of the published split (20 batches of 32), ResNet-18 from scratch in float32:
each data path's batches alone (`data_throughput`), and training with the backbone frozen and unfrozen on each
path (`train_throughput`: 3 untimed steps, then 17 timed, one pass over the loader), twice; the better of the two."""
import os, torch, pandas as pd
from fracture_nbdev.eda import get_items
from fracture_nbdev.data import get_dls
from fracture_nbdev.model import create_model, freeze, unfreeze
from fracture_nbdev.bench import train_throughput, data_throughput

N = int(os.environ.get('N', 640))
items = get_items(os.environ['FRACTURE_DATA'], 'official', None, 0)
tr = items[items.split.eq('train')].sample(N, random_state=0)
sub = pd.concat([tr, items[items.split.eq('val')].head(64)])
dev = torch.device('cpu')
dls = {'plain': get_dls(sub, cache=False), 'fast': get_dls(sub, cache=True)}
steps, warmup = len(dls['fast'].train) - 3, 3
rows = [dict(path=p, what='batches only', img_s=data_throughput(d.train, steps, warmup)) for p, d in dls.items()]
for rep in range(2):
    for path, d in dls.items():
        for frozen in (True, False):
            torch.manual_seed(0)
            m = (freeze if frozen else unfreeze)(create_model('resnet18', weights=None))
            rows.append(dict(path=path, what='frozen' if frozen else 'unfrozen',
                             img_s=train_throughput(m, d.train, dev, steps, warmup, precision='fp32')))
            print(rows[-1], flush=True)
r = pd.DataFrame(rows).groupby(['path', 'what']).img_s.max().unstack()
r['frozen / unfrozen time'] = r.unfrozen / r.frozen
print(f'{N} training images, torch {torch.__version__}, {torch.get_num_threads()} threads; images per second:')
print(r.round(2))
