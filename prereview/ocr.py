"""OCR engines behind one small interface: ``read(image) -> list[Line]``.

RapidOCR (PaddleOCR's PP-OCR models on ONNX Runtime, shipped inside the wheel)
is the default; PaddleOCR itself is an optional extra. Neither may download
anything: model files are named explicitly and their absence is an error.
Engines read the image as given; choosing the page rotation is ``orient``'s job,
so per-line orientation classifiers are switched off.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from prereview.document import Line

ENGINES = ("rapidocr", "paddle")


class OcrUnavailable(RuntimeError):
    """The engine or its model files are not installed here."""


class Ocr(Protocol):
    name: str

    def read(self, image: np.ndarray) -> list[Line]:
        """Text lines of an RGB ``uint8`` image (H×W×3), boxes in its pixel frame."""
        ...


def _box(points: object) -> tuple[float, float, float, float]:
    array = np.asarray(points, dtype=float).reshape(-1, 2)
    return (
        float(array[:, 0].min()),
        float(array[:, 1].min()),
        float(array[:, 0].max()),
        float(array[:, 1].max()),
    )


MIN_SKEW = np.radians(1.0)  # below this, boxes are level enough to form rows
MAX_SKEW = np.radians(20.0)  # beyond this the page is turned, which ``orient`` decides


def page_skew(polygons: list[np.ndarray]) -> float:
    """The page's tilt in radians: the median slope of the top edges of wide text boxes."""
    slopes = []
    for poly in polygons:
        (x0, y0), (x1, y1) = poly[0], poly[1]
        width, height = np.hypot(x1 - x0, y1 - y0), np.hypot(*(poly[3] - poly[0]))
        if width > 2 * height:
            slopes.append(np.arctan2(y1 - y0, x1 - x0))
    return float(np.median(slopes)) if slopes else 0.0


def level_boxes(polygons: list[object]) -> list[tuple[float, float, float, float]]:
    """Axis-aligned boxes of text polygons, the page's small tilt taken out first.

    A photo taken a few degrees off makes each line's box taller than the line,
    so neighbouring rows overlap and labels pair with the wrong values; turning
    the polygons back (not the image: the text is already read) keeps rows apart.
    """
    arrays = [np.asarray(p, dtype=float).reshape(-1, 2) for p in polygons]
    skew = page_skew([a for a in arrays if len(a) == 4])
    if not MIN_SKEW <= abs(skew) <= MAX_SKEW:
        return [_box(a) for a in arrays]
    cos, sin = np.cos(-skew), np.sin(-skew)
    turn = np.array([[cos, -sin], [sin, cos]])
    return [_box(a @ turn.T) for a in arrays]


def cpu_cores() -> int:
    """Cores this process may run on (the container's share, not the host's count)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_ARENA_LOCK = threading.Lock()
_ARENA_READY = False


def shared_arena() -> bool:
    """Register one CPU memory arena for every OCR session of this process (once).

    Without an arena every operator's output is fresh memory from the kernel,
    zeroed page by page: a sixth of a page's CPU time. One arena per session would
    keep the detector's and the recogniser's largest buffers apart (+230 MB peak);
    one shared arena that grows by what is asked (not by powers of two) costs
    about 40 MB. The outputs are bit-identical. False if ONNX Runtime refuses it.
    """
    global _ARENA_READY
    import onnxruntime as ort

    with _ARENA_LOCK:
        if not _ARENA_READY:
            same_as_requested = 1
            config = ort.OrtArenaCfg(0, same_as_requested, -1, -1)
            memory = ort.OrtMemoryInfo(
                "Cpu", ort.OrtAllocatorType.ORT_ARENA_ALLOCATOR, 0, ort.OrtMemType.DEFAULT
            )
            try:
                ort.create_and_register_allocator(memory, config)
            except Exception:  # registered already by other code, or not supported here
                return False
            _ARENA_READY = True
    return True


def session_options(threads: int):
    """ONNX Runtime options for one model: ``threads`` intra-op threads that sleep when idle.

    By default ONNX Runtime's worker threads spin between operators; on a server
    where other work shares the cores, the spinning is CPU time taken from that
    work (measured here: 15 % more CPU-seconds per page under load, same wall time).
    Buffers come from the process's shared arena (``shared_arena``) when there is one.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = True
    if shared_arena():
        options.add_session_config_entry("session.use_env_allocators", "1")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class RapidOcr:
    """RapidOCR with the det/rec models bundled in the ``rapidocr`` wheel.

    The models load once per engine (on first read); ``threads`` defaults to the
    cores available, so one page uses the whole machine when it is alone on it.
    """

    name = "rapidocr"

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        import rapidocr

        self.model_dir = Path(model_dir) if model_dir else Path(rapidocr.__file__).parent / "models"
        self.threads = threads or cpu_cores()
        self._engine = None
        self._lock = threading.Lock()

    def _model(self, pattern: str) -> Path:
        found = sorted(self.model_dir.glob(pattern))
        if not found:
            raise OcrUnavailable(f"RapidOCR model {pattern} not found in {self.model_dir}")
        return found[-1]

    def _load(self):
        with self._lock:
            if self._engine is None:
                self._engine = self._build()
        return self._engine

    def _build(self):
        from onnxruntime import InferenceSession
        from rapidocr import RapidOCR

        det, rec = self._model("*det*.onnx"), self._model("*rec*.onnx")
        engine = RapidOCR(
            params={
                "Global.log_level": "warning",
                "Global.use_cls": False,
                "Global.model_root_dir": str(self.model_dir),
                "Det.model_path": str(det),
                # Detection on at most 1280 px halves its cost on photos; recognition
                # still crops the lines from the full-resolution image. 960 px would save
                # another 28 % of CPU but merges labels with their values and drops lines
                # (17 % of the generated pages' lines read differently), so 1280 stays.
                "Det.limit_side_len": 1280,
                "Det.limit_type": "max",
                # Lines are recognised six at a time, padded to the widest of the six,
                # and the padding changes what is read: one line at a time (less
                # padding) saves a quarter of recognition CPU but reads 4.6 % of the
                # lines differently (spaces appear, short lines change), so it stays.
                "Rec.model_path": str(rec),
            }
        )
        # RapidOCR offers no setting for thread spinning: its sessions are replaced
        # by ones with ``session_options`` (same model files, same providers).
        detector, recogniser = engine._load_det_model(), engine._load_rec_model()
        for model, path in ((detector, det), (recogniser, rec)):
            model.session.session = InferenceSession(
                str(path),
                sess_options=session_options(self.threads),
                providers=["CPUExecutionProvider"],
            )
        # Its normalisation constants are float64 lists, so NumPy normalises the whole
        # page in float64 and casts back: as float32 the tensor is the same, at 40 % of
        # the cost (0.05 CPU-s a page).
        detector.mean = np.asarray(detector.mean, dtype=np.float32)
        detector.std = np.asarray(detector.std, dtype=np.float32)
        return engine

    def read(self, image: np.ndarray) -> list[Line]:
        result = self._load()(image, use_cls=False)
        if not result or result.txts is None:
            return []
        boxes = level_boxes(list(result.boxes))
        return [
            Line(text=text, box=box, confidence=float(score))
            for text, score, box in zip(result.txts, result.scores, boxes, strict=False)
            if text.strip()
        ]


class PaddleOcr:
    """PaddleOCR (``pip install onetrip[paddle]``) with local det/rec model folders.

    ``model_dir`` holds one folder whose name contains ``det`` and one with ``rec``
    (PaddleOCR inference models); nothing is fetched from a model hub.
    """

    name = "paddle"

    def __init__(self, model_dir: Path | None) -> None:
        if model_dir is None or not Path(model_dir).is_dir():
            raise OcrUnavailable("PaddleOCR needs ONETRIP_PADDLE_MODEL_DIR (det/rec model folders)")
        folders = [p for p in Path(model_dir).iterdir() if p.is_dir()]
        det = [p for p in folders if "det" in p.name.lower()]
        rec = [p for p in folders if "rec" in p.name.lower()]
        if not det or not rec:
            raise OcrUnavailable(f"no det/rec model folders in {model_dir}")
        try:
            os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
            from paddleocr import PaddleOCR
        except ImportError as exc:
            raise OcrUnavailable(f"paddleocr is not installed: {exc}") from exc
        self._engine = PaddleOCR(
            text_detection_model_dir=str(det[0]),
            text_detection_model_name=_model_name(det[0]),
            text_recognition_model_dir=str(rec[0]),
            text_recognition_model_name=_model_name(rec[0]),
            use_doc_orientation_classify=False,
            use_doc_unwarping=False,
            use_textline_orientation=False,
        )
        self._lock = threading.Lock()

    def read(self, image: np.ndarray) -> list[Line]:
        with self._lock:
            results = self._engine.predict(image[:, :, ::-1].copy())  # PaddleOCR wants BGR
        lines: list[Line] = []
        for result in results:
            data = result.json.get("res", result.json) if hasattr(result, "json") else result
            boxes = level_boxes(list(data["rec_polys"]))
            for text, score, box in zip(data["rec_texts"], data["rec_scores"], boxes, strict=False):
                if text.strip():
                    lines.append(Line(text=text, box=box, confidence=float(score)))
        return lines


def _model_name(folder: Path) -> str | None:
    """PaddleOCR names its models after their folders (``PP-OCRv5_mobile_det``)."""
    config = folder / "inference.yml"
    if config.exists():
        import yaml

        data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        name = (data.get("Global") or {}).get("model_name")
        if name:
            return str(name)
    return folder.name


def make_ocr(engine: str = "rapidocr", model_dir: Path | str | None = None) -> Ocr:
    """The OCR engine named in settings (``ONETRIP_OCR_ENGINE``): rapidocr or paddle."""
    if engine == "rapidocr":
        return RapidOcr(Path(model_dir) if model_dir else None)
    if engine == "paddle":
        return PaddleOcr(Path(model_dir) if model_dir else None)
    raise ValueError(f"unknown OCR engine {engine!r}; choose one of {', '.join(ENGINES)}")
