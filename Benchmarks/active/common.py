"""What the active-learning scripts (active.py, batch_study.py, explore.py) share: the NLPCC
splits and the validation carves, JSONL writing, one `docsift train` + `docsift eval`, and the
character bigrams the Python policies count."""
import argparse, json, os, random, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
# ../shared/data beside the repository (see its README); never copied into the repository.
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data", "nlpcc2017_headlines", "headlines.jsonl"))
# Headlines a validation carve takes off the train split to measure on.
VALIDATION_SIZE = 4800


def argument_parser(seeds=(1, 2, 3), sizes=True):
    """The options every script takes: --docsift, --data, --work and --seeds (default `seeds`);
    with `sizes`, also --initial and --chosen (labeled at random first, then picked)."""
    p = argparse.ArgumentParser()
    p.add_argument("--docsift", required=True)
    p.add_argument("--data", default=DEFAULT_DATA)
    p.add_argument("--work", required=True)
    p.add_argument("--seeds", type=int, nargs="+", default=list(seeds))
    if sizes:
        p.add_argument("--initial", type=int, default=1000)
        p.add_argument("--chosen", type=int, default=1000)
    return p


def read_splits(path):
    """The train and test records of the NLPCC headlines file."""
    records = [json.loads(line) for line in open(path, encoding="utf-8")]
    return [r for r in records if r["split"] == "train"], [r for r in records if r["split"] == "test"]


def carve(train, seed, size=VALIDATION_SIZE):
    """A validation carve: the train records shuffled with `seed`; the first `size` measure,
    the rest are the archive. Returns (validation, archive)."""
    shuffled = train[:]
    random.Random(seed).shuffle(shuffled)
    return shuffled[:size], shuffled[size:]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def train_model(docsift, rows, work, name):
    """Trains on `rows` (written to WORK/NAME.jsonl); returns the model's path."""
    path, model = os.path.join(work, name + ".jsonl"), os.path.join(work, name + ".dsmodel")
    write_jsonl(path, rows)
    subprocess.run([docsift, "train", path, "--out", model], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return model


def accuracy(docsift, model, measure_path):
    """The model's accuracy on the labeled JSONL at `measure_path`."""
    out = subprocess.run([docsift, "eval", measure_path, "--model", model, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["accuracy"]


def bigrams(text):
    """The distinct character bigrams of `text` (the text itself when it is shorter)."""
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}
