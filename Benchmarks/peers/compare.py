#!/usr/bin/env python3
"""DocSift against its peers on the same data splits, in one run.

Runs the peer harness (classify.py, summarize.py: scikit-learn, fastText, TextRank4ZH,
SnowNLP, sumy) and the release `docsift` binary on ../shared/data, single-threaded unless
stated, and writes one markdown report: accuracy / macro-F1 / ROUGE, train time, predict
MB/s, peak RSS, model size, and DocSift's ratio to each peer.

    python3 compare.py --docsift PATH/TO/docsift [--data ../../../shared/data] [--out report.md]

Every DocSift process is timed here (wall clock) and its peak RSS read from wait4().
"""
import argparse
import json
import re
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------- processes

def run_measured(cmd, stdin_path=None, stdin_repeat=1, stdout_path=os.devnull, env_extra=None):
    """Runs cmd; returns (wall seconds, peak RSS MB, stdout text or None, returncode)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    env.update(env_extra or {})
    out = open(stdout_path, "wb") if stdout_path != "capture" else subprocess.PIPE
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_path else subprocess.DEVNULL,
                            stdout=out, stderr=subprocess.PIPE, env=env)
    captured = None
    if stdin_path:
        with open(stdin_path, "rb") as f:
            data = f.read()
        try:
            for _ in range(stdin_repeat):
                proc.stdin.write(data)
            proc.stdin.close()
        except BrokenPipeError:
            pass
    if stdout_path == "capture":
        captured = proc.stdout.read().decode("utf-8")
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if out is not subprocess.PIPE:
        out.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    global LAST_STDERR
    LAST_STDERR = err
    return wall, usage.ru_maxrss / 1024.0, captured


LAST_STDERR = ""


def docsift_json(docsift, args):
    wall, rss, out = run_measured([docsift] + args, stdout_path="capture")
    return json.loads(out), wall, rss


PEER_CACHE = None  # folder for peer results, so a re-run measures only DocSift again


def cached(name, compute):
    """The JSON result `name` from the peer cache, or computed now (and cached)."""
    path = os.path.join(PEER_CACHE, name + ".json") if PEER_CACHE else None
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    result = compute()
    if path:
        os.makedirs(PEER_CACHE, exist_ok=True)
        with open(path, "w") as f:
            json.dump(result, f)
    return result


def peers_classify(venv_python, extra, workdir, peers):
    result = cached("classify-" + "-".join(os.path.basename(e) for e in extra if not e.startswith("--")) + "-" + "-".join(peers),
                  lambda: run_peers_classify(venv_python, extra, workdir, peers))
    return result["results"] if isinstance(result, dict) and "results" in result else result


def run_peers_classify(venv_python, extra, workdir, peers):
    out = os.path.join(workdir, "peers.json")
    cmd = [venv_python, os.path.join(HERE, "classify.py"), "--out", out, "--peers", ",".join(peers),
           "--workdir", workdir] + extra
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    with open(out) as f:
        result = json.load(f)
    return result["results"] if isinstance(result, dict) and "results" in result else result


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def size_mb(path):
    return os.path.getsize(path) / 1e6


# ----------------------------------------------------------------------------- classification

def docsift_holdout(docsift, train, test, workdir, threads_list=(1, 2), repeat=20):
    model = os.path.join(workdir, "docsift.dsmodel")
    # Median of three trainings (the VM's timings vary from run to run); the fit alone is
    # what the peers' fit_s measures, as `docsift train` reports it.
    trainings = []
    for _ in range(3):
        wall, rss, _ = run_measured([docsift, "train", train, "--out", model])
        fitted = re.search(r"fit ([0-9.]+) s", LAST_STDERR)
        trainings.append((float(fitted.group(1)) if fitted else wall, wall, rss))
    fit_s = median(t[0] for t in trainings)
    train_s = median(t[1] for t in trainings)
    train_rss = max(t[2] for t in trainings)
    metrics, _, _ = docsift_json(docsift, ["eval", test, "--model", model, "--json"])
    # The test file repeated into one JSONL file that docsift reads itself: a feeding
    # process would take CPU from docsift's threads on a 2-core machine.
    repeated = os.path.join(workdir, "label-input.jsonl")
    with open(test, "rb") as f:
        data = f.read()
    with open(repeated, "wb") as f:
        for _ in range(repeat):
            f.write(data)
    speeds = {}
    label_rss = 0.0
    for threads in threads_list:
        # Median of three runs (the VM's timings vary from run to run).
        runs = [run_measured([docsift, "label", repeated, "--model", model, "--threads", str(threads)])
                for _ in range(3)]
        wall = median(r[0] for r in runs)
        speeds[threads] = len(data) * repeat / 1e6 / wall
        label_rss = max([label_rss] + [r[1] for r in runs])
    os.remove(repeated)
    return {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"], "train_s": train_s, "fit_s": fit_s,
            "label_peak_rss_mb": label_rss,
            "predict_MB_per_s": speeds.get(1), "predict_MB_per_s_2threads": speeds.get(2),
            "peak_rss_mb": max(train_rss, label_rss), "model_mb": size_mb(model)}


def docsift_cv(docsift, data, field, workdir, repeat=20):
    metrics, wall, rss = docsift_json(docsift, ["eval", data, "--cv-field", field, "--json"])
    # Throughput: a model trained on every group but the first, labeling the whole corpus.
    records = read_jsonl(data)
    first = sorted({str(r[field]) for r in records})[0]
    train = os.path.join(workdir, "cv-train.jsonl")
    write_jsonl(train, [r for r in records if str(r[field]) != first])
    held = docsift_holdout(docsift, train, data, workdir, repeat=repeat)
    # Train time of one fold (four folds of training data), comparable with a peer's refit.
    return {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"],
            "train_s": held["train_s"], "fit_s": held["fit_s"], "predict_MB_per_s": held["predict_MB_per_s"],
            "predict_MB_per_s_2threads": held["predict_MB_per_s_2threads"],
            "peak_rss_mb": max(rss, held["peak_rss_mb"]), "label_peak_rss_mb": held["label_peak_rss_mb"],
            "model_mb": held["model_mb"]}


def ratio(a, b, higher_is_better=True):
    if a is None or b is None or a == 0 or b == 0:
        return "-"
    r = a / b if higher_is_better else b / a
    return f"{r:.1f}×"


def classification_section(name, docsift_row, peer_rows, folds=1):
    lines = [f"### {name}", "",
             "| system | accuracy | macro-F1 | train s" + (" per fold" if folds > 1 else "") +
             " | predict MB/s (1 thread) | 2 threads | peak RSS MB | model MB |"
             " DocSift speed ratio | DocSift train-time ratio |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    d = docsift_row
    lines.append(f"| **DocSift** | {d['accuracy']:.4f} | {d['macro_f1']:.4f} | {d['fit_s']:.2f} (all: {d['train_s']:.2f}) | "
                 f"{d['predict_MB_per_s']:.1f} | {d['predict_MB_per_s_2threads']:.1f} | {d['peak_rss_mb']:.0f} | "
                 f"{d['model_mb']:.2f} | | |")
    for p in peer_rows:
        if "error" in p:
            lines.append(f"| {p['peer']} | error: {p['error'][:60]} | | | | | | | | |")
            continue
        # The peer's final fit (after its grid search), per fold; the whole run in parentheses.
        fit = (p.get("info", {}).get("fit_s") or p["train_s"]) / folds
        lines.append(f"| {p['peer']} | {p['accuracy']:.4f} | {p['macro_f1']:.4f} | {fit:.2f} (all: {p['train_s']:.1f}) | "
                     f"{p['predict_MB_per_s']:.2f} | | {p['peak_rss_mb']:.0f} | {p['model_bytes'] / 1e6:.2f} | "
                     f"{ratio(d['predict_MB_per_s'], p['predict_MB_per_s'])} | {ratio(d['fit_s'], fit, False)} |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- summarization

def summarization_section(docsift, venv_python, data_path, workdir, methods, name):
    records = [r for r in read_jsonl(data_path) if r.get("human_score", 5) >= 3]
    refs = os.path.join(workdir, "summ.jsonl")
    write_jsonl(refs, [{"id": r["id"], "text": r["text"], "reference": r["summary"], "summary": r["summary"]}
                       for r in records])
    out = os.path.join(workdir, "summ-peers.json")

    def run_peers():
        subprocess.run([venv_python, os.path.join(HERE, "summarize.py"), "--data", refs, "--chars", "0",
                        "--methods", ",".join(methods), "--out", out], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
        with open(out) as f:
            return json.load(f)
    peers = cached("summarize-" + name.split(",")[0].replace(" ", "-") + "-" + "-".join(methods), run_peers)
    peers = peers["results"] if isinstance(peers, dict) and "results" in peers else peers
    # Timed as summarize.py times the peers: the summarizer alone, text in and summary out
    # per document, after a warm-up (loading and I/O excluded).
    scores, _, _ = docsift_json(docsift, ["eval-summary", refs, "--budget", "reference", "--json", "--time"])
    ms = scores["ms_per_document"]
    # The whole `docsift summarize` process as well (start-up, JSON in and out, keywords).
    repeat = 10
    wall, _, _ = run_measured([docsift, "summarize", "-", "--threads", "1", "--max-chars", "60"],
                              stdin_path=refs, stdin_repeat=repeat)
    process_ms = 1000 * wall / (len(records) * repeat)
    lines = [f"### {name} ({len(records)} documents, budget = reference length, character ROUGE F1 without punctuation)", "",
             "ms / document: each system's summarize call alone, as `summarize.py` times the peers; "
             "in parentheses the whole `docsift summarize` process per document (start-up, JSON, keywords; 60-character budget).", "",
             "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | ms / document | DocSift speed ratio |", "|---|---|---|---|---|---|",
             f"| **DocSift** | {scores['rouge_1']:.4f} | {scores['rouge_2']:.4f} | {scores['rouge_l']:.4f} | {ms:.4f} ({process_ms:.3f}) | |"]
    for p in peers:
        if "error" in p:
            lines.append(f"| {p['method']} | error | | | | |")
            continue
        lines.append(f"| {p['method']} | {p['rouge-1']['f']:.4f} | {p['rouge-2']['f']:.4f} | {p['rouge-l']['f']:.4f} | "
                     f"{p['ms_per_doc']:.3f} | {ratio(p['ms_per_doc'], ms)} |")
    return "\n".join(lines) + "\n"


def stream_section(docsift, data, gigabytes, threads=2):
    """Pipes `gigabytes` of cnews JSONL (the corpus repeated) into `docsift label` with the
    shipped default model; reports wall time and peak RSS against the model's size."""
    chunk = open(data, "rb").read()
    total = int(gigabytes * (1 << 30))
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen([docsift, "label", "-", "--threads", str(threads)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    sent = 0
    while sent < total:
        piece = chunk[: total - sent]
        proc.stdin.write(piece)
        sent += len(piece)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("docsift label failed on the stream")
    model = os.path.normpath(os.path.join(os.path.dirname(os.path.realpath(docsift)), "../../../Models/default-topics.dsmodel"))
    model_mb = size_mb(model) if os.path.exists(model) else float("nan")
    rss = usage.ru_maxrss / 1024.0
    return (f"### Streaming {gigabytes:g} GiB through `docsift label --threads {threads}` (default model)\n\n"
            f"| input | wall s | MB/s | peak RSS MB | model MB | limit (model + 64 MB) |\n|---|---|---|---|---|---|\n"
            f"| {sent / 1e6:.0f} MB of cnews JSONL | {wall:.1f} | {sent / 1e6 / wall:.1f} | {rss:.1f} | {model_mb:.2f} | "
            f"{'within' if rss <= model_mb + 64 else 'OVER'} ({model_mb + 64:.0f} MB) |\n")


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docsift", required=True, help="the release docsift binary")
    ap.add_argument("--python", default=sys.executable, help="the peers' venv python")
    ap.add_argument("--data", default=os.path.normpath(os.path.join(HERE, "../../../shared/data")))
    ap.add_argument("--out", help="write the markdown report here (default: stdout)")
    ap.add_argument("--peers", default="tfidf-svm,cnb,ft-char")
    ap.add_argument("--summarizers", default="lead,textrank4zh,snownlp,sumy-lexrank")
    ap.add_argument("--peer-cache", help="keep peer results here and reuse them on the next run")
    ap.add_argument("--only", default="cnews,titles,nlpcc,lcsts,stream",
                    help="comma list of sections: cnews,titles,nlpcc,lcsts,stream")
    ap.add_argument("--stream-gb", type=float, default=1.0, help="GiB piped through docsift label (stream section)")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"compare: {args.data} not found: the public corpora are needed (see ../shared/data/README.md)")
    global PEER_CACHE
    PEER_CACHE = args.peer_cache
    only = set(args.only.split(","))
    peers = [p for p in args.peers.split(",") if p]
    sections = []
    machine = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with tempfile.TemporaryDirectory() as work:
        if "cnews" in only:
            data = os.path.join(args.data, "cnews_fulltext/cnews_subset.jsonl")
            print("compare: cnews 5-fold", file=sys.stderr)
            d = docsift_cv(args.docsift, data, "fold", work)
            p = peers_classify(args.python, ["--data", data, "--cv-groups", "fold"], work, peers)
            sections.append(classification_section("cnews full text, 5-fold (leave-one-fold-out)", d, p, folds=5))
        if "titles" in only:
            train = os.path.join(args.data, "thucnews_titles/dev.jsonl")
            test = os.path.join(args.data, "thucnews_titles/test.jsonl")
            print("compare: THUCNews titles", file=sys.stderr)
            d = docsift_holdout(args.docsift, train, test, work, repeat=50)
            p = peers_classify(args.python, ["--train", train, "--test", test], work, peers)
            sections.append(classification_section("THUCNews titles (train dev, test test)", d, p))
        if "nlpcc" in only:
            records = read_jsonl(os.path.join(args.data, "nlpcc2017_headlines/headlines.jsonl"))
            train, test = os.path.join(work, "nlpcc-train.jsonl"), os.path.join(work, "nlpcc-test.jsonl")
            write_jsonl(train, [r for r in records if r["split"] == "train"])
            write_jsonl(test, [r for r in records if r["split"] == "test"])
            print("compare: NLPCC headlines", file=sys.stderr)
            d = docsift_holdout(args.docsift, train, test, work, repeat=50)
            p = peers_classify(args.python, ["--train", train, "--test", test], work, peers)
            sections.append(classification_section("NLPCC 2017 headlines (split train → test)", d, p))
        if "lcsts" in only:
            print("compare: LCSTS part III", file=sys.stderr)
            sections.append(summarization_section(
                args.docsift, args.python, os.path.join(args.data, "lcsts_part3/part3.jsonl"), work,
                [m for m in args.summarizers.split(",") if m], "LCSTS part III, human score ≥ 3"))
        if "stream" in only:
            print("compare: streaming RSS", file=sys.stderr)
            sections.append(stream_section(args.docsift, os.path.join(args.data, "cnews_fulltext/cnews_subset.jsonl"),
                                           args.stream_gb))
    header = (f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine}, {cpu}, "
              f"{os.cpu_count()} cores; every system single-threaded unless a column says otherwise; "
              "OPENBLAS_NUM_THREADS=1.\n")
    report = header + "\n" + "\n".join(sections)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    print(report)


if __name__ == "__main__":
    main()
