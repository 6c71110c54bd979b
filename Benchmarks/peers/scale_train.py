#!/usr/bin/env python3
"""Training cost against corpus size: `docsift train` beside scikit-learn, same slices, one run.

    python3 scale_train.py --docsift PATH/TO/docsift --python VENV/bin/python \
        [--data ../../../shared/data] [--work /tmp/docsift-scaling] \
        [--sizes 10000,40000,100000,300000,1000000] [--out table.md] [--only docsift|sklearn]

The corpus (never written into the repository): every headline of ../shared/data (NLPCC 2017
headlines, all splits, and THUCNews titles, dev and test: 56,000 labeled titles in 26 labels),
in a seeded shuffle; then the same titles again, copy after copy, each copy with seeded
character noise (about one character in ten swapped with its right-hand neighbour, and the
copy's titles in a new shuffled order), until the corpus holds the largest size asked for.
Slice N is the first N lines.

Each system trains in its own child process, single-threaded (OPENBLAS_NUM_THREADS=1, and the
peer's BLAS pools limited to 1), reading the slice from its JSONL file:
- DocSift: `docsift train SLICE --out MODEL --verbose` (its preset for a plain labeled corpus).
- scikit-learn: TfidfVectorizer(char 1-3, sublinear_tf, min_df=2) + LinearSVC(C=1.0,
  max_iter=5000), the peer harness's `tfidf-svm` pipeline at its middle C, fitted once
  (no grid search), reading the same JSONL.
Time is the whole child process (start-up, reading, vectorizing, fitting, and for DocSift
writing the model), as CPU seconds (user + system, from wait4(): robust when the shared
machine is loaded) and as wall seconds; peak RSS is the child's ru_maxrss. Peer results are
cached in WORK/peer-cache, keyed by the slice's size and content hash, so that a re-run
measures only DocSift again (delete the folder to re-measure the peer).
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_SEED = 20261206

SKLEARN_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
texts, labels = [], []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        texts.append(d["text"]); labels.append(d["label"])
t1 = time.perf_counter()
X = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2).fit_transform(texts)
t2 = time.perf_counter()
LinearSVC(C=1.0, max_iter=5000, random_state=0).fit(X, labels)
t3 = time.perf_counter()
print(json.dumps({"read_s": t1 - t0, "vectorize_s": t2 - t1, "fit_s": t3 - t2, "features": X.shape[1],
                  "nonzeros": int(X.nnz)}))
"""


def headline_records(data):
    records = []
    with open(os.path.join(data, "nlpcc2017_headlines/headlines.jsonl"), encoding="utf-8") as f:
        records += [json.loads(l) for l in f if l.strip()]
    for part in ("dev", "test"):
        with open(os.path.join(data, f"thucnews_titles/{part}.jsonl"), encoding="utf-8") as f:
            records += [json.loads(l) for l in f if l.strip()]
    return [{"text": r["text"], "label": r["label"]} for r in records]


def noisy(text, rng):
    """`text` with about one character in ten swapped with its right-hand neighbour."""
    chars = list(text)
    for i in range(len(chars) - 1):
        if rng.random() < 0.1:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def build_corpus(data, path, size):
    """Writes the first `size` records of the scaling corpus to `path` (unless already there)."""
    if os.path.exists(path):
        return
    base = headline_records(data)
    rng = random.Random(CORPUS_SEED)
    tmp = path + ".tmp"
    written = 0
    copy = 0
    with open(tmp, "w", encoding="utf-8") as out:
        while written < size:
            order = list(range(len(base)))
            rng.shuffle(order)
            for i in order:
                if written >= size:
                    break
                record = base[i]
                text = record["text"] if copy == 0 else noisy(record["text"], rng)
                out.write(json.dumps({"text": text, "label": record["label"]}, ensure_ascii=False) + "\n")
                written += 1
            copy += 1
    os.replace(tmp, path)


def write_slice(corpus, path, size):
    if os.path.exists(path):
        return
    tmp = path + ".tmp"
    with open(corpus, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as out:
        for k, line in enumerate(src):
            if k >= size:
                break
            out.write(line)
    os.replace(tmp, path)


def file_hash(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def measured(cmd):
    """Runs cmd with wait4 for its own rusage; returns (wall s, peak RSS MB, stdout, stderr, CPU s)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    # Read both pipes to the end, then reap the child ourselves to get its rusage.
    import threading
    chunks = {"out": b"", "err": b""}

    def drain(stream, key):
        chunks[key] = stream.read()
    threads = [threading.Thread(target=drain, args=(proc.stdout, "out")),
               threading.Thread(target=drain, args=(proc.stderr, "err"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    err = chunks["err"].decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024.0, chunks["out"].decode("utf-8"), err, usage.ru_utime + usage.ru_stime


def sklearn_result(python, slice_path, size, cache):
    key = f"sklearn-v2-{size}-{file_hash(slice_path)}"
    path = os.path.join(cache, key + ".json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    print(f"scale: scikit-learn on {size} examples", file=sys.stderr, flush=True)
    wall, rss, out, _, cpu = measured([python, "-c", SKLEARN_CHILD, slice_path])
    result = dict(json.loads(out.strip().splitlines()[-1]), wall_s=wall, cpu_s=cpu, peak_rss_mb=rss,
                  measured=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                  load=os.getloadavg()[0])
    os.makedirs(cache, exist_ok=True)
    with open(path, "w") as f:
        json.dump(result, f)
    return result


def docsift_result(docsift, slice_path, size, work):
    print(f"scale: docsift on {size} examples", file=sys.stderr, flush=True)
    model = os.path.join(work, f"docsift-{size}.dsmodel")
    wall, rss, _, err, cpu = measured([docsift, "train", slice_path, "--out", model, "--verbose"])
    phases = [line for line in err.splitlines() if line.startswith("train:")]
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": rss, "phases": phases,
            "model_mb": os.path.getsize(model) / 1e6, "load": os.getloadavg()[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docsift", help="the release docsift binary")
    ap.add_argument("--python", default=sys.executable, help="python of the venv with scikit-learn")
    ap.add_argument("--data", default=os.path.normpath(os.path.join(HERE, "../../../shared/data")))
    ap.add_argument("--work", default="/tmp/docsift-scaling", help="corpus, slices, models and peer cache (outside the repository)")
    ap.add_argument("--sizes", default="10000,40000,100000,300000,1000000")
    ap.add_argument("--only", choices=["docsift", "sklearn"], help="measure one system (the other from the cache, if there)")
    ap.add_argument("--out", help="write the markdown table here (default: stdout)")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"scale_train: {args.data} not found: the public corpora are needed (see ../shared/data/README.md)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    os.makedirs(args.work, exist_ok=True)
    cache = os.path.join(args.work, "peer-cache")
    corpus = os.path.join(args.work, f"corpus-{max(sizes)}.jsonl")
    build_corpus(args.data, corpus, max(sizes))
    rows = []
    for size in sizes:
        slice_path = os.path.join(args.work, f"slice-{size}.jsonl")
        write_slice(corpus, slice_path, size)
        peer = None
        if args.only != "docsift" or os.path.isdir(cache):
            try:
                peer = sklearn_result(args.python, slice_path, size, cache) if args.only != "docsift" else \
                    json.load(open(os.path.join(cache, f"sklearn-v2-{size}-{file_hash(slice_path)}.json")))
            except FileNotFoundError:
                peer = None
        ours = docsift_result(args.docsift, slice_path, size, args.work) if args.only != "sklearn" and args.docsift else None
        rows.append((size, ours, peer))
        if ours:
            for line in ours["phases"]:
                print("  " + line, file=sys.stderr)
    lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f} "
             f"(2 cores); one thread each. CPU = user + system seconds of the child (wait4), wall = its "
             "elapsed time (both whole processes: start-up, reading, vectorizing, fitting); RSS = its peak "
             "(ru_maxrss). Ratios = scikit-learn / DocSift.", "",
             "| examples | DocSift CPU s (wall) | DocSift peak RSS MB | scikit-learn CPU s (wall; vectorize + fit) | scikit-learn peak RSS MB | CPU-time ratio | wall ratio | RSS ratio |",
             "|---|---|---|---|---|---|---|---|"]
    for size, ours, peer in rows:
        o_s = f"{ours['cpu_s']:.1f} ({ours['wall_s']:.1f})" if ours else "–"
        o_m = f"{ours['peak_rss_mb']:.0f}" if ours else "–"
        p_s = (f"{peer['cpu_s']:.1f} ({peer['wall_s']:.1f}; {peer['vectorize_s']:.1f} + {peer['fit_s']:.1f})"
               if peer else "–")
        p_m = f"{peer['peak_rss_mb']:.0f}" if peer else "–"
        c_r = f"{peer['cpu_s'] / ours['cpu_s']:.1f}×" if ours and peer else "–"
        t_r = f"{peer['wall_s'] / ours['wall_s']:.1f}×" if ours and peer else "–"
        m_r = f"{peer['peak_rss_mb'] / ours['peak_rss_mb']:.1f}×" if ours and peer else "–"
        lines.append(f"| {size:,} | {o_s} | {o_m} | {p_s} | {p_m} | {c_r} | {t_r} | {m_r} |")
    report = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    print(report)


if __name__ == "__main__":
    main()
