"""Which selection of documents to label pays most? A study on a validation split carved from
the NLPCC train split (the test split is not read). For each seed: 1,000 random labeled; the
model trained on them labels the rest of the archive; each policy picks 1,000 more from those
predictions; a model is trained on the 2,000 and measured on the validation split, beside 2,000
random. The policies are reimplemented here (character bigrams of the raw text, where the CLI
cuts bigrams with the model's n-gram kernel and asks the model's vocabulary what it has seen).
Needs a docsift build whose label records also carry the raw scores as "raw": apply
raw-scores.patch to a scratch copy of the repository, build, and pass that binary as --docsift.
"""
import json, math, os, random, statistics, subprocess
from collections import Counter, defaultdict
from common import accuracy as measured_accuracy, argument_parser, bigrams, carve, read_splits, train_model, write_jsonl as write

p = argument_parser()
p.add_argument("--validation", type=int, default=4800)
p.add_argument("--methods", nargs="+", default=None)
a = p.parse_args()

train, _ = read_splits(a.data)
validation, archive = carve(train, 0, a.validation)
val_path = os.path.join(a.work, "validation.jsonl")


def accuracy(rows, name):
    return measured_accuracy(a.docsift, train_model(a.docsift, rows, a.work, name), val_path)


def top2(values):
    order = sorted(range(len(values)), key=lambda i: -values[i])
    return order[0], order[1]


grams = bigrams


# --- policies: each takes the pool predictions (list of dicts) and returns chosen ids ---------
def by_key(preds, key):
    return sorted(preds, key=lambda d: (key(d), d["order"]))


def prob_margin(d):
    b, s = top2(d["p"])
    return d["p"][b] - d["p"][s]


def raw_margin(d):
    b, s = top2(d["raw"])
    return d["raw"][b] - d["raw"][s]


def ratio(d):
    b, s = top2(d["p"])
    return d["p"][b] / (d["p"][b] + d["p"][s] + 1e-12)


def topk(preds, key, n):
    return [d["id"] for d in by_key(preds, key)[:n]]


def pair_cap(preds, key, n, cap):
    chosen, count = [], Counter()
    for d in by_key(preds, key):
        b, s = top2(d["raw"])
        pair = (min(b, s), max(b, s))
        if count[pair] >= cap:
            continue
        count[pair] += 1
        chosen.append(d["id"])
        if len(chosen) == n:
            break
    return chosen


def label_round_robin(preds, key, n, factor):
    cands = by_key(preds, key)[:factor * n]
    queues = defaultdict(list)
    for d in cands:
        queues[top2(d["raw"])[0]].append(d)
    chosen, depth = [], 0
    while len(chosen) < n:
        progressed = False
        for label in sorted(queues):
            if depth < len(queues[label]):
                chosen.append(queues[label][depth]["id"])
                progressed = True
                if len(chosen) == n:
                    break
        if not progressed:
            break
        depth += 1
    return chosen


def no_near_dups(preds, key, n, limit):
    chosen, kept = [], []
    for d in by_key(preds, key):
        g = grams(d["text"])
        if any(len(g & h) / len(g | h) > limit for h in kept):
            continue
        kept.append(g)
        chosen.append(d["id"])
        if len(chosen) == n:
            break
    return chosen


def mix(preds, key, n, share, rng):
    k = int(n * share)
    first = topk(preds, key, k)
    taken = set(first)
    rest = [d["id"] for d in preds if d["id"] not in taken]
    rng.shuffle(rest)
    return first + rest[:n - k]


def window(preds, key, n, skip):
    ordered = by_key(preds, key)
    start = int(skip * n)
    return [d["id"] for d in ordered[start:start + n]]


def dense_among_uncertain(preds, key, n, factor):
    """Of the factor·n most uncertain, the n with the most near neighbours among them (bigram cosine)."""
    cands = by_key(preds, key)[:factor * n]
    g = [grams(d["text"]) for d in cands]
    index = defaultdict(list)
    for i, s in enumerate(g):
        for x in s:
            index[x].append(i)
    density = []
    for i, s in enumerate(g):
        overlap = Counter()
        for x in s:
            for j in index[x]:
                if j != i:
                    overlap[j] += 1
        sims = sorted((c / math.sqrt(len(s) * len(g[j])) for j, c in overlap.items()), reverse=True)[:10]
        density.append(sum(sims) / 10)
    order = sorted(range(len(cands)), key=lambda i: (-density[i], i))
    return [cands[i]["id"] for i in order[:n]]


def raw_top(d):
    return max(d["raw"])


def ovr_half(d):
    return min(abs(x - 0.5) for x in d["raw"])


def raw_relative(d):
    b, s = top2(d["raw"])
    return (d["raw"][b] - d["raw"][s]) / max(abs(d["raw"][b]), 1e-6)


def coverage(preds, key, n, factor, known):
    """Of the factor·n most uncertain, greedily the n adding most character bigrams unseen so far."""
    return greedy_cover(preds, key, n, factor, known, lambda x: 1.0)


def typical(preds, key, n, factor, df):
    """Of the factor·n most uncertain, the n whose bigrams are most common in the pool (mean log df)."""
    cands = by_key(preds, key)[:factor * n]
    rep = [statistics.mean(math.log(df[x]) for x in grams(d["text"])) for d in cands]
    order = sorted(range(len(cands)), key=lambda i: (-rep[i], i))
    return [cands[i]["id"] for i in order[:n]]


def weighted_coverage(preds, key, n, factor, known, df):
    """Of the factor·n most uncertain, greedily the n adding most pool-frequency-weighted unseen bigrams."""
    return greedy_cover(preds, key, n, factor, known, lambda x: math.log(df[x]))


def greedy_cover(preds, key, n, factor, known, weight):
    """Of the factor·n most uncertain, greedily the n whose bigrams unseen so far (not in `known`,
    not covered by an earlier pick) weigh most; ties go to the more uncertain."""
    cands = by_key(preds, key)[:int(factor * n)]
    g = [grams(d["text"]) - known for d in cands]
    covered, chosen, used = set(), [], [False] * len(cands)
    for _ in range(n):
        best, gain = -1, -1.0
        for i, s in enumerate(g):
            if not used[i]:
                k = sum(weight(x) for x in s - covered)
                if k > gain:
                    best, gain = i, k
        used[best] = True
        covered |= g[best]
        chosen.append(cands[best]["id"])
    return chosen


def local_df(preds, key, factor, n):
    return Counter(x for d in by_key(preds, key)[:int(factor * n)] for x in grams(d["text"]))


def methods(preds, n, seed):
    rng = random.Random(1000 + seed)
    return {
        "prob_margin": lambda: topk(preds, prob_margin, n),
        "raw_margin": lambda: topk(preds, raw_margin, n),
        "ratio": lambda: topk(preds, ratio, n),
        "raw_pair_cap25": lambda: pair_cap(preds, raw_margin, n, 25),
        "raw_pair_cap50": lambda: pair_cap(preds, raw_margin, n, 50),
        "prob_pair_cap25": lambda: pair_cap(preds, prob_margin, n, 25),
        "raw_label_rr3": lambda: label_round_robin(preds, raw_margin, n, 3),
        "prob_label_rr3": lambda: label_round_robin(preds, prob_margin, n, 3),
        "raw_neardup": lambda: no_near_dups(preds, raw_margin, n, 0.4),
        "raw_mix50": lambda: mix(preds, raw_margin, n, 0.5, rng),
        "prob_mix50": lambda: mix(preds, prob_margin, n, 0.5, rng),
        "raw_window10": lambda: window(preds, raw_margin, n, 0.1),
        "raw_dense3": lambda: dense_among_uncertain(preds, raw_margin, n, 3),
        "raw_pair_cap10": lambda: pair_cap(preds, raw_margin, n, 10),
        "raw_top": lambda: topk(preds, raw_top, n),
        "ovr_half": lambda: topk(preds, ovr_half, n),
        "raw_relative": lambda: topk(preds, raw_relative, n),
        "raw_mix75": lambda: mix(preds, raw_margin, n, 0.75, rng),
        "raw_coverage2": lambda: coverage(preds, raw_margin, n, 2, KNOWN),
        "raw_coverage3": lambda: coverage(preds, raw_margin, n, 3, KNOWN),
        "raw_typical2": lambda: typical(preds, raw_margin, n, 2, DF),
        "raw_typical3": lambda: typical(preds, raw_margin, n, 3, DF),
        "raw_wcover2": lambda: weighted_coverage(preds, raw_margin, n, 2, KNOWN, DF),
        "raw_wcover3": lambda: weighted_coverage(preds, raw_margin, n, 3, KNOWN, DF),
        "raw_wcover1.5": lambda: weighted_coverage(preds, raw_margin, n, 1.5, KNOWN, DF),
        "raw_wcover2_noknown": lambda: weighted_coverage(preds, raw_margin, n, 2, set(), DF),
        "raw_wcover2_localdf": lambda: weighted_coverage(preds, raw_margin, n, 2, KNOWN, local_df(preds, raw_margin, 2, n)),
        "prob_wcover2": lambda: weighted_coverage(preds, prob_margin, n, 2, KNOWN, DF),
    }


val_rows = [{"id": r["id"], "text": r["text"], "label": r["label"]} for r in validation]
write(val_path, val_rows)
table = defaultdict(dict)
for seed in a.seeds:
    order = archive[:]
    random.Random(seed).shuffle(order)
    initial, pool = order[:a.initial], order[a.initial:]
    table[seed]["random"] = accuracy(order[:a.initial + a.chosen], f"v-random-{seed}")
    table[seed]["initial"] = accuracy(initial, f"v-initial-{seed}")
    model = os.path.join(a.work, f"v-initial-{seed}.dsmodel")
    KNOWN = set().union(*(grams(r["text"]) for r in initial))
    DF = Counter(x for r in pool for x in grams(r["text"]))
    pool_path = os.path.join(a.work, f"v-pool-{seed}.jsonl")
    write(pool_path, [{"id": r["id"], "text": r["text"]} for r in pool])
    out = subprocess.run([a.docsift, "label", pool_path, "--model", model, "--threads", "1"], check=True,
                         capture_output=True, text=True).stdout
    by_id = {r["id"]: r for r in pool}
    preds = []
    for i, line in enumerate(out.splitlines()):
        d = json.loads(line)
        labels = list(d["scores"])
        preds.append({"id": d["id"], "order": i, "text": by_id[d["id"]]["text"],
                      "p": [d["scores"][l] for l in labels], "raw": [d["raw"][l] for l in labels]})
    for name, pick in methods(preds, a.chosen, seed).items():
        if a.methods and name not in a.methods:
            continue
        ids = pick()
        assert len(set(ids)) == a.chosen, (name, len(set(ids)))
        table[seed][name] = accuracy(initial + [by_id[i] for i in sorted(ids)], f"v-{name}-{seed}")
        print(f"seed {seed} {name:18s} {table[seed][name]:.4f}  random {table[seed]['random']:.4f}  "
              f"gain {100 * (table[seed][name] - table[seed]['random']):+.2f}", flush=True)
    json.dump(table, open(os.path.join(a.work, "explore.json"), "w"), indent=1)

names = [k for k in table[a.seeds[0]] if k not in ("initial",)]
print("\nmethod              " + "  ".join(f"s{s:<6}" for s in a.seeds) + "  mean gain (points)")
for name in names:
    gains = [100 * (table[s][name] - table[s]["random"]) for s in a.seeds]
    print(f"{name:18s}  " + "  ".join(f"{g:+6.2f}" for g in gains) + f"   {statistics.mean(gains):+.2f}"
          + (f" ± {statistics.stdev(gains) / math.sqrt(len(gains)):.2f}" if len(gains) > 1 else ""))
