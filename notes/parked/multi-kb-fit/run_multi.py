import sys

sys.path.insert(0, "/tmp/e3")
from multi import *

names = ["sample", "kb1", "kb2", "kb3", "kb4"]
G = {n: gather(n) for n in names}
print("gathered", flush=True)

shipped = load_models()
for n in names:
    m, fm = served(shipped, G[n])
    print("BASE", n, "served", fmt(m), "| fused", fmt(fm), flush=True)


def fit_on(train, weigh=True):
    enc = G[train[0]]["encoders"]
    cheap = G[train[0]]["cheap"]
    fused = fit_many(
        "fused", [(G[t]["questions"], G[t]["full"], G[t]["probes"][1]) for t in train], enc, "full"
    )
    quick = fit_many(
        QUICK,
        [(G[t]["questions"], G[t]["quick"], G[t]["probes"][2]) for t in train],
        cheap,
        "quick",
        fusion=fused,
    )
    quick = replace(quick, answer_at=0.9)
    return {"fused": fused, QUICK: quick}


for n in names:
    mods = fit_on([t for t in names if t != n])
    m, fm = served(mods, G[n])
    print(
        "LOKO",
        n,
        "served",
        fmt(m),
        "| fused",
        fmt(fm),
        "| ans",
        round(mods["fused"].answer_at, 3),
        flush=True,
    )
mods = fit_on(names)
print("ALL fused", mods["fused"])
for n in names:
    m, fm = served(mods, G[n])
    print("ALL", n, "served", fmt(m), "| fused", fmt(fm), flush=True)
