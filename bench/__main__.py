"""Run every ``bench/bench_*.py`` (each has ``run() -> dict``) and write a JSON summary.

``python -m bench`` runs all; ``python -m bench retrieval chat`` runs the named ones.
Each benchmark runs in its own process so that peak-memory figures are its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    results: dict[str, dict] = {}
    failed = []
    for name in names:
        print(f"\n=== bench {name} ===", flush=True)
        code = (
            f"import json, sys; from bench import bench_{name} as b; r = b.run(); "
            "sys.stdout.write('\\nRESULT ' + json.dumps(r, ensure_ascii=False) + '\\n')"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=HERE.parent
        )
        out = proc.stdout
        print(out.split("\nRESULT ")[0], flush=True)
        if proc.returncode != 0 or "\nRESULT " not in out:
            failed.append(name)
            continue
        results[name] = json.loads(out.rsplit("\nRESULT ", 1)[1])
    output = HERE / "output"
    output.mkdir(exist_ok=True)
    (output / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"\nresults written to {output / 'results.json'}")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
