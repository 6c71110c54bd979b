"""`docsift label --uncertain N` against random selection on NLPCC headlines (see run.sh).
--measure-on validation carves 4,800 train headlines off to measure on (the split the method
was chosen on); test measures on the test split. --rounds K picks the chosen documents in K
rounds of chosen/K, retraining on everything labeled so far between rounds (as a user labeling
in batches would); every pick is still made by `docsift label --uncertain`. --exclude-labeled
runs the rounds as the README tells a user to: every round reads the whole archive (labeled
headlines included) and names everything labeled so far with `--exclude`."""
import json, os, random, subprocess, statistics
from common import accuracy as measured_accuracy, argument_parser, carve, read_splits, train_model as trained, write_jsonl as write

p = argument_parser()
p.add_argument("--measure-on", choices=["test", "validation"], default="test",
               help="validation: 4,800 train headlines carved off (seeded, as explore.py does) measure, and the "
                    "archive is the rest of train; the test split is not read")
p.add_argument("--carve-seed", type=int, default=0, help="seed of the validation carve")
p.add_argument("--rounds", type=int, default=5,
               help="pick the chosen documents in this many rounds, retraining in between (the recommended use: "
                    "5 rounds of 200 beat one batch on all six validation carves, by +0.17 points on average; "
                    "1 = one batch)")
p.add_argument("--exclude-labeled", action="store_true",
               help="each round reads the whole archive and excludes what is labeled with --exclude (the README's "
                    "workflow) instead of reading only the unlabeled rest")
a = p.parse_args()

train, test = read_splits(a.data)
if a.measure_on == "validation":
    test, train = carve(train, a.carve_seed)
test_path = os.path.join(a.work, a.measure_on + ".jsonl")


def run(*args, stdout=None):
    subprocess.run([a.docsift, *args], check=True, stdout=stdout, stderr=subprocess.DEVNULL)


def train_model(rows, name):
    return trained(a.docsift, rows, a.work, name)


def accuracy(rows, name):
    return measured_accuracy(a.docsift, train_model(rows, name), test_path)


write(test_path, test)
results = []
for seed in a.seeds:
    order = train[:]
    random.Random(seed).shuffle(order)
    initial, pool = order[:a.initial], order[a.initial:]
    random_acc = accuracy(order[:a.initial + a.chosen], f"random-{seed}")
    initial_acc = accuracy(initial, f"initial-{seed}")
    # The model trained on the initial labels picks what to label next from the rest; with
    # rounds, the model trained on everything labeled so far picks the next share.
    labeled, rest = list(initial), list(pool)
    model = os.path.join(a.work, f"initial-{seed}.dsmodel")
    for round_index in range(a.rounds):
        share = a.chosen // a.rounds + (1 if round_index < a.chosen % a.rounds else 0)
        pool_path = os.path.join(a.work, f"pool-{seed}.jsonl")
        exclusion = []
        if a.exclude_labeled:
            write(pool_path, [{"id": r["id"], "text": r["text"]} for r in order])
            labeled_path = os.path.join(a.work, f"labeled-ids-{seed}.jsonl")
            write(labeled_path, [{"id": r["id"]} for r in labeled])
            exclusion = ["--exclude", labeled_path]
        else:
            write(pool_path, [{"id": r["id"], "text": r["text"]} for r in rest])
        picked_path = os.path.join(a.work, f"picked-{seed}.jsonl")
        with open(picked_path, "w") as f:
            run("label", pool_path, "--model", model, "--uncertain", str(share), "--threads", "1", *exclusion, stdout=f)
        picked = {json.loads(line)["id"] for line in open(picked_path, encoding="utf-8")}
        assert len(picked) == share, (seed, round_index, len(picked))
        labeled += [r for r in rest if r["id"] in picked]
        rest = [r for r in rest if r["id"] not in picked]
        if round_index < a.rounds - 1:
            model = train_model(labeled, f"active-{seed}-round-{round_index + 1}")
    # The picks are appended in id order (as before rounds existed), so one round reproduces the old figures.
    active_acc = accuracy(initial + sorted(labeled[a.initial:], key=lambda r: r["id"]), f"active-{seed}")
    results.append((seed, initial_acc, random_acc, active_acc))
    print(f"seed {seed} ({a.measure_on}): {a.initial} random {initial_acc:.4f}   {a.initial + a.chosen} random {random_acc:.4f}   "
          f"{a.initial} random + {a.chosen} uncertain{f' in {a.rounds} rounds' if a.rounds > 1 else ''} {active_acc:.4f}   gain {100 * (active_acc - random_acc):+.2f} points",
          flush=True)

mean = lambda k: statistics.mean(r[k] for r in results)
gains = [100 * (r[3] - r[2]) for r in results]
if len(gains) > 1:
    print(f"gain per seed {' '.join(f'{g:+.2f}' for g in gains)}; standard error of the mean "
          f"{statistics.stdev(gains) / len(gains) ** 0.5:.2f} points")
if len(results) > 3:
    first = [100 * (r[3] - r[2]) for r in results[:3]]
    print(f"mean gain of the first three seeds {a.seeds[:3]} ({a.measure_on}): {statistics.mean(first):+.2f} points")
print(f"mean of seeds {a.seeds} ({a.measure_on}): {a.initial} random {mean(1):.4f}   {a.initial + a.chosen} random {mean(2):.4f}   "
      f"{a.initial} random + {a.chosen} uncertain {mean(3):.4f}   gain {100 * (mean(3) - mean(2)):+.2f} points")
