"""Which batch of documents to label pays most? A study on validation carves of the NLPCC train
split (the test split is never read), the successor of explore.py (issue 18, second pass).

Per carve (4,800 train headlines carved off with that seed measure; the rest is the archive) and
seed: 1,000 random headlines are labeled, a policy picks 1,000 more, and a model trained on the
2,000 is measured beside one trained on 2,000 random (the same random arm for every policy, so
gains are paired). Gain = accuracy(policy) − accuracy(random), in points.

Policies (colon-separated options):
  cli                       the picks of `docsift label --uncertain N` (the binary given)
  margin                    the N least certain (gap between the two highest probabilities)
  wcover:f=F:pow=P          of the F·N least certain, greedily the N whose bigrams unseen so far
                            (not in the labeled set, not covered by an earlier pick) weigh most,
                            weight log(df in the pool)^P; quota=Q caps picks per predicted label
                            at Q·N/labels; ns=23 uses bigrams and trigrams; f=0 = whole pool
  fcover:f=F:g=G            soft coverage: weight log(df) times the gain of G(count of labeled
                            and picked documents holding the bigram), G = log, sqrt, min2, min3
  wmix:f=F:share=S          S·N by wcover, the rest random
  badge:f=F:mode=kpp|ff     BADGE for a linear model over the F·N least certain: gradient
                            embedding (p − onehot(ŷ)) ⊗ x (x: scikit-learn TF-IDF of character
                            1–2-grams), k-means++ seeding (kpp) or farthest-first (ff)
  balmargin                 least certain per predicted label, round robin
  rK/POLICY                 K rounds of N/K, retraining on everything labeled between rounds
Results are cached in WORK/results.json (carve/seed → policy → accuracy); rerunning skips what
is there. The badge policy needs scikit-learn (e.g. /work/.venv-docsift-peers/bin/python).
  python3 Benchmarks/active/batch_study.py --docsift .build/release/docsift --work /tmp/study \
      --carves 0 1 --policies cli r5/cli wcover:f=4:pow=2
"""
import json, math, os, random, statistics, subprocess
from collections import Counter, defaultdict
import numpy as np
from common import accuracy, argument_parser, carve as validation_carve, read_splits, train_model, write_jsonl as write

p = argument_parser(seeds=range(1, 11), sizes=False)
p.add_argument("--carves", type=int, nargs="+", default=[0, 1])
p.add_argument("--policies", nargs="+", required=True)
a = p.parse_args()
os.makedirs(a.work, exist_ok=True)
N0, N = 1000, 1000
train_all, _ = read_splits(a.data)
res_path = os.path.join(a.work, "results.json")
RES = json.load(open(res_path)) if os.path.exists(res_path) else {}


def ds(*args):
    return subprocess.run([a.docsift, *args], check=True, capture_output=True, text=True).stdout


def train(rows, name):
    return train_model(a.docsift, rows, a.work, name)


def acc(model, val_path):
    return accuracy(a.docsift, model, val_path)


def label(model, rows, name, uncertain=None):
    path = os.path.join(a.work, name + "-pool.jsonl")
    write(path, [{"id": r["id"], "text": r["text"]} for r in rows])
    args = ["label", path, "--model", model, "--threads", "1"]
    if uncertain: args += ["--uncertain", str(uncertain)]
    return [json.loads(l) for l in ds(*args).splitlines()]


def probs(preds, labels):
    return np.array([[d["scores"][l] for l in labels] for d in preds])


def margins(P):
    s = np.sort(P, axis=1)
    return s[:, -1] - s[:, -2]


NS = (2,)


def grams(t):
    return {t[i:i + n] for n in NS for i in range(len(t) - n + 1)} or {t}


# ---------------- selection primitives over a labeled pool --------------------------------------
class Ctx:
    pass


def least_certain(ctx, k):
    m = margins(ctx.P)
    return sorted(range(len(ctx.pool)), key=lambda i: (m[i], i))[:k]


def badge(ctx, cand, n, mode, rng, normalize=True, emb="grad"):
    """k-means++ (D² sampling) or farthest-first over gradient embeddings (p − e_ŷ) ⊗ x."""
    P = ctx.P[cand]
    if normalize: P = P / P.sum(axis=1, keepdims=True)
    E = np.zeros_like(P); E[np.arange(len(cand)), P.argmax(axis=1)] = 1
    D = P - E
    X = ctx.features()[[ctx.rowof[ctx.pool[i]["id"]] for i in cand]]
    if emb == "x": D = np.ones((len(cand), 1))
    K = (X @ X.T).toarray()
    G = (D @ D.T) * K
    sq = np.diag(G).copy()
    chosen = []
    first = int(np.argmax(sq)) if mode != "ffmargin" else 0
    chosen.append(first)
    d2 = sq + sq[first] - 2 * G[first]
    d2 = np.maximum(d2, 0); d2[first] = 0
    while len(chosen) < n:
        if mode == "kpp":
            s = d2.sum()
            j = int(rng.choices(range(len(cand)), weights=d2.tolist())[0]) if s > 0 else next(i for i in range(len(cand)) if i not in chosen)
        else:
            j = int(np.argmax(d2))
        chosen.append(j)
        d2 = np.minimum(d2, np.maximum(sq + sq[j] - 2 * G[j], 0)); d2[chosen] = 0
    return [cand[j] for j in chosen]


def wcover(ctx, cand, n, quota=None, power=1.0, known=True):
    """The shipped greedy (lazy): unseen (vs labeled) bigrams weighted by log(pool df)^power; optional per-label quota."""
    import heapq
    g = [list(grams(ctx.pool[i]["text"]) - (ctx.known if known else set())) for i in cand]
    w = {}
    for s in g:
        for x in s:
            if x not in w: w[x] = math.log(ctx.df[x]) ** power
    covered, chosen = set(), []
    count = Counter()
    lab = [ctx.preds[i]["label"] for i in cand]
    heap = [(-sum(w[x] for x in s), k) for k, s in enumerate(g)]
    heapq.heapify(heap)
    while heap and len(chosen) < n:
        ng, k = heapq.heappop(heap)
        if quota and count[lab[k]] >= quota: continue
        v = sum(w[x] for x in g[k] if x not in covered)
        if heap and (-v, k) > heap[0]:
            heapq.heappush(heap, (-v, k)); continue
        covered.update(g[k]); count[lab[k]] += 1
        chosen.append(cand[k])
    return chosen


def fcover(ctx, cand, n, g="log"):
    """Greedy on sum_f log(pool df_f) * G(count of picked+labeled docs holding f), G concave."""
    import heapq
    G = {"log": lambda c: math.log1p(c), "sqrt": lambda c: math.sqrt(c), "min2": lambda c: min(c, 2) / 2,
         "min3": lambda c: min(c, 3) / 3, "min1": lambda c: min(c, 1)}[g]
    cnt = ctx.lcount
    gs = [list(grams(ctx.pool[i]["text"])) for i in cand]
    w = {}
    for s in gs:
        for x in s:
            if x not in w: w[x] = math.log(ctx.df[x])
    cur = Counter()
    def gain(s):
        return sum(w[x] * (G(cnt[x] + cur[x] + 1) - G(cnt[x] + cur[x])) for x in s)
    heap = [(-gain(s), k) for k, s in enumerate(gs)]
    heapq.heapify(heap)
    chosen = []
    while heap and len(chosen) < n:
        ng, k = heapq.heappop(heap)
        v = gain(gs[k])
        if heap and (-v, k) > heap[0]:
            heapq.heappush(heap, (-v, k)); continue
        for x in gs[k]: cur[x] += 1
        chosen.append(cand[k])
    return chosen


def select(ctx, policy, n, rng):
    """Indices into ctx.pool."""
    kind, *opts = policy.split(":")
    o = dict(x.split("=") for x in opts)
    f = float(o.get("f", 2))
    if kind == "margin":
        return least_certain(ctx, n)
    if kind == "random":
        idx = list(range(len(ctx.pool))); rng.shuffle(idx); return idx[:n]
    if kind == "badge":
        cand = least_certain(ctx, int(f * n)) if f > 0 else list(range(len(ctx.pool)))
        return badge(ctx, cand, n, o.get("mode", "kpp"), rng, emb=o.get("emb", "grad"))
    if kind == "wmix":
        k = int(float(o.get("share", 0.7)) * n)
        first = wcover(ctx, least_certain(ctx, int(f * k)), k)
        taken = set(first)
        rest = [i for i in range(len(ctx.pool)) if i not in taken]
        rng.shuffle(rest)
        return first + rest[:n - k]
    if kind == "wcover":
        cand = least_certain(ctx, int(f * n) if f > 0 else len(ctx.pool))
        q = o.get("quota")
        return wcover(ctx, cand, n, quota=math.ceil(float(q) * n / len(ctx.labels)) if q else None,
                      power=float(o.get("pow", 1)))
    if kind == "fcover":
        cand = least_certain(ctx, int(f * n) if f > 0 else len(ctx.pool))
        return fcover(ctx, cand, n, o.get("g", "log"))
    if kind == "balmargin":
        # least certain per predicted label, round robin
        m = margins(ctx.P)
        by = defaultdict(list)
        for i in sorted(range(len(ctx.pool)), key=lambda i: (m[i], i)):
            by[ctx.preds[i]["label"]].append(i)
        out, depth = [], 0
        while len(out) < n:
            for l in sorted(by):
                if depth < len(by[l]) and len(out) < n: out.append(by[l][depth])
            depth += 1
        return out
    raise SystemExit("unknown policy " + policy)


def run_policy(policy, carve, seed, st):
    global NS
    NS = (2,)
    for part in policy.split(":"):
        if part.startswith("ns="): NS = tuple(int(c) for c in part[3:])
    rounds = 1
    base = policy
    if policy.startswith("r") and "/" in policy:
        rounds, base = policy[1:].split("/", 1); rounds = int(rounds)
    rng = random.Random(7919 * seed + carve)
    labeled, pool = list(st.initial), list(st.pool)
    model = st.initial_model
    per = N // rounds
    for k in range(rounds):
        name = f"c{carve}-s{seed}-" + "".join(ch if ch.isalnum() else "_" for ch in policy) + f"-r{k}"
        if base == "cli":
            picked = {d["id"] for d in label(model, pool, name, uncertain=per)}
            chosen = [i for i, r in enumerate(pool) if r["id"] in picked]
        else:
            ctx = Ctx(); ctx.pool = pool
            ctx.preds = label(model, pool, name)
            ctx.labels = sorted(ctx.preds[0]["scores"])
            ctx.P = probs(ctx.preds, ctx.labels)
            ctx.known = set().union(*(grams(r["text"]) for r in labeled))
            ctx.lcount = Counter(x for r in labeled for x in grams(r["text"]))
            ctx.df = Counter(x for r in pool for x in grams(r["text"]))
            ctx.features, ctx.rowof = st.features, st.rowof
            chosen = select(ctx, base, per, rng)
        assert len(set(chosen)) == per, (policy, len(set(chosen)))
        cs = set(chosen)
        labeled += [pool[i] for i in chosen]
        pool = [r for i, r in enumerate(pool) if i not in cs]
        model = train(labeled, name)
    return acc(model, st.val_path)


for carve in a.carves:
    validation, archive = validation_carve(train_all, carve)
    val_path = os.path.join(a.work, f"val-c{carve}.jsonl"); write(val_path, validation)
    cache = {}

    def features(archive=archive, cache=cache):
        """TF-IDF of the archive's character 1–2-grams (only the badge policy needs it)."""
        if "X" not in cache:
            from sklearn.feature_extraction.text import TfidfVectorizer
            vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, min_df=2)
            cache["X"] = vec.fit_transform([r["text"] for r in archive])
        return cache["X"]
    rowof = {r["id"]: i for i, r in enumerate(archive)}
    for seed in a.seeds:
        key = f"c{carve}/s{seed}"
        R = RES.setdefault(key, {})
        order = archive[:]; random.Random(seed).shuffle(order)
        st = Ctx(); st.initial, st.pool = order[:N0], order[N0:]
        st.val_path, st.features, st.rowof = val_path, features, rowof
        st.initial_model = train(st.initial, f"c{carve}-s{seed}-initial")
        if "random" not in R:
            R["random"] = acc(train(order[:N0 + N], f"c{carve}-s{seed}-random"), val_path)
        for pol in a.policies:
            if pol in R: continue
            R[pol] = run_policy(pol, carve, seed, st)
            print(f"{key} {pol:30s} gain {100 * (R[pol] - R['random']):+.2f}", flush=True)
            json.dump(RES, open(res_path, "w"), indent=0)

print()
for pol in a.policies:
    line = f"{pol:32s}"
    allg = []
    for carve in a.carves:
        g = [100 * (RES[f"c{carve}/s{s}"][pol] - RES[f"c{carve}/s{s}"]["random"]) for s in a.seeds]
        allg += g
        line += f"  c{carve} {statistics.mean(g):+.2f}±{statistics.stdev(g) / math.sqrt(len(g)) if len(g) > 1 else 0:.2f} (neg {sum(x < 0 for x in g)})"
    line += f"  both {statistics.mean(allg):+.2f}"
    print(line, flush=True)
