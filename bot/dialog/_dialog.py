"""The conversation: one turn in, one reply out, state kept in the database.

A turn loads the session, decides what the message is (an answer to what the
bot asked, a command, small talk, or a question for retrieval), and saves the
session with the turn's log in one transaction. Service answers only ever come
from ``retrieval`` (composed from the guides); when it is not confident the bot
offers a numbered choice or says honestly that it does not know, and the
question goes to the staff's unanswered queue.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filetype
import zhconv

from bot.dialog import intents, texts
from bot.dialog.cache import AnswerCache
from bot.dialog.messages import Incoming, ItemCard, Link, Option, Reply, Upload, UploadHint
from bot.dialog.records import Records
from bot.dialog.review import JobView, Reviewer
from bot.dialog.sessions import SessionStore
from bot.dialog.state import Pending, State
from bot.models import BAD_SCORES
from knowledge import Guide, Store

logger = logging.getLogger(__name__)

ACCEPTED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/tiff": "tif",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
MAX_OPTIONS = 4


@dataclass
class DialogConfig:
    """Plain settings of the dialog (``bot`` reads ``Settings`` and fills this in)."""

    centre: str = "政务服务中心"
    hotline: str = "12345"
    uploads: Path = Path("var/uploads/chat")
    max_files: int = 20
    max_file_bytes: int = 20 * 1024 * 1024
    link_minutes: int = 60
    # session key -> personal upload page link, for chats that cannot carry PDFs.
    upload_link: Callable[[str], str] | None = None


class Dialog:
    """Channel-independent chat logic. Thread-safe: all state is in the database."""

    def __init__(
        self,
        searcher: Any,
        store: Store,
        sessions: SessionStore,
        records: Records,
        config: DialogConfig,
        reviewer: Reviewer | None = None,
        normalize: Callable[[str], str] = intents.fold,
        on_notice: Callable[[str, Reply], None] | None = None,
    ) -> None:
        self.searcher = AnswerCache(searcher, store)
        self.store = store
        self.sessions = sessions
        self.records = records
        self.config = config
        self.reviewer = reviewer
        self.normalize = normalize
        self.on_notice = on_notice
        self._simplified: dict[str, tuple[int, Guide | None]] = {}
        self._examples: tuple[int, list[str]] = (-1, [])

    def _guide(self, item_id: str | None) -> Guide | None:
        """The guide of ``item_id`` shown in Simplified characters (guides may be Traditional).

        Cached per knowledge-base version: a turn looks at the same guides several times.
        """
        if not item_id:
            return None
        version = self.store.version()
        cached = self._simplified.get(item_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        raw = self.store.get(item_id)
        guide = (
            Guide.model_validate_json(zhconv.convert(raw.model_dump_json(), "zh-cn"))
            if raw is not None
            else None
        )
        self._simplified[item_id] = (version, guide)
        return guide

    def _hinted(self, lines: list[str], kind: str) -> Reply:
        """``lines`` and what the bot can do, with example questions from the guides."""
        examples = self.examples()
        quoted = "".join(f"“{e}”" for e in examples[:2])
        hint = texts.HINT.format(
            examples=texts.HINT_EXAMPLES.format(quoted=quoted) if quoted else ""
        )
        return Reply(["\n".join([*lines, hint])], kind=kind, suggestions=examples)

    def examples(self, count: int = 4) -> list[str]:
        """Questions citizens ask, taken from the guides' 相似问法 (one per window category).

        Drawn from the knowledge base itself, so that the hint fits whatever the
        centre has published; cached per knowledge-base version.
        """
        version = self.store.version()
        if self._examples[0] != version:
            picked: list[str] = []
            seen: set[str | None] = set()
            for guide in self.store.list():
                if guide.aliases and guide.category not in seen:
                    seen.add(guide.category)
                    picked.append(zhconv.convert(guide.aliases[0], "zh-cn"))
            self._examples = (version, picked[:count])
        return list(self._examples[1])

    # -- the turn ------------------------------------------------------------

    def handle(self, key: str, incoming: Incoming) -> Reply:
        """Answer one message of the conversation ``key`` (``channel:user``)."""
        state = self.sessions.load(key)
        rate_open, state.rate_open = state.rate_open, False
        try:
            reply = self._dispatch(key, state, incoming, rate_open)
        except Exception:
            logger.exception("dialog turn failed for %s", key)
            state.pending = None
            reply = Reply([texts.ERROR.format(hotline=self.config.hotline)], kind="error")
        state.turns += 1
        state.rate_open = reply.rate
        self.sessions.save_turn(
            key,
            state,
            [
                ("in", _describe(incoming), None, None),
                ("out", reply.plain_text(), reply.item, reply.kind),
            ],
        )
        return reply

    def _dispatch(self, key: str, state: State, incoming: Incoming, rate_open: bool) -> Reply:
        if incoming.files:
            return self._files(key, state, incoming)
        if incoming.command:
            return self._command(key, state, incoming.command, incoming)
        text = incoming.text.strip()
        if not text:
            return self._hinted([texts.EMPTY], kind="social")
        command = intents.command_of(text)
        if command in ("cancel", "human"):
            return self._command(key, state, command, incoming, text)
        pending = state.pending
        if pending is not None:
            reply = self._pending(key, state, pending, text, command, incoming)
            if reply is not None:
                return reply
            if pending.kind == "collect":
                return self._aside(key, state, text, command, incoming, rate_open, pending)
            state.pending = None
        return self._free(key, state, text, command, incoming, rate_open)

    def _free(
        self,
        key: str,
        state: State,
        text: str,
        command: str | None,
        incoming: Incoming,
        rate_open: bool,
    ) -> Reply:
        """A message that answers nothing the bot asked: command, rating, small talk, question."""
        if command is not None:
            return self._command(key, state, command, incoming, text)
        score = intents.parse_rating(text, allow_digit=rate_open)
        if score is not None:
            return self._rate(key, state, score)
        social = intents.social_kind(text)
        if social is not None:
            first = texts.SOCIAL[social].format(centre=self.config.centre)
            if social in ("thanks", "bye"):
                return Reply([first], kind="social")
            return self._hinted([first], kind="social")
        return self._question(key, state, text)

    def _aside(
        self,
        key: str,
        state: State,
        text: str,
        command: str | None,
        incoming: Incoming,
        rate_open: bool,
        pending: Pending,
    ) -> Reply:
        """A question in the middle of collecting files: answer it, keep collecting."""
        reply = self._free(key, state, text, command, incoming, rate_open)
        if state.pending is None:
            state.pending = pending
        if state.pending is pending:
            guide = self._guide(pending.item or "")
            name = guide.name if guide else ""
            reply.texts.append(texts.REVIEW_COLLECTING.format(name=name, count=len(state.files)))
        return reply

    def _command(
        self, key: str, state: State, command: str, incoming: Incoming, text: str = ""
    ) -> Reply:
        if command == "cancel":
            for collected in state.files:
                Path(collected["path"]).unlink(missing_ok=True)
            state.pending = None
            state.files = []
            return Reply([texts.CANCELLED], kind="social")
        if command == "human":
            return self._human(key, state, text)
        if command == "prereview":
            return self._start_review(key, state, incoming)
        if command == "done":
            if state.pending is not None and state.pending.kind == "collect":
                return self._submit(key, state)
            return Reply([texts.REVIEW_NO_FILES if state.files else texts.EMPTY], kind="prereview")
        if command == "rate":
            if not state.last_answer or state.rated:
                said = texts.RATE_ALREADY if state.rated else texts.RATE_NOTHING
                return Reply([said], kind="rating")
            return Reply([texts.RATE_ASK], kind="rating", rate=True)
        if command == "welcome":
            return self._hinted([texts.WELCOME.format(centre=self.config.centre)], kind="social")
        return self._hinted([], kind="social")

    # -- what the bot asked for ------------------------------------------------

    def _pending(
        self,
        key: str,
        state: State,
        pending: Pending,
        text: str,
        command: str | None,
        incoming: Incoming,
    ) -> Reply | None:
        """The reply to an answer of the pending question, or None when it is something else."""
        if pending.kind == "choose":
            number = intents.parse_choice(text, len(pending.options))
            if number is None:
                folded = intents.fold(text)
                number = next(
                    (
                        i
                        for i, o in enumerate(pending.options, 1)
                        if intents.fold(o["name"]) == folded
                    ),
                    None,
                )
            if number is None:
                return None
            state.pending = None
            return self._picked(key, state, pending, pending.options[number - 1]["item"], incoming)
        if pending.kind == "situation":
            return self._situation_answer(key, state, pending, text, incoming)
        if pending.kind == "review_item":
            if command is not None or intents.social_kind(text):
                return None
            return self._review_item_from_text(key, state, text, incoming)
        if pending.kind == "collect":
            if command == "done":
                return self._submit(key, state)
            if command == "prereview":
                guide = self._guide(pending.item or "")
                return Reply(
                    [
                        texts.REVIEW_COLLECTING.format(
                            name=guide.name if guide else "", count=len(state.files)
                        )
                    ],
                    kind="prereview",
                )
            return None
        if pending.kind.startswith("rating_"):
            return self._rating_follow_up(state, pending, text)
        return None

    def _picked(
        self, key: str, state: State, pending: Pending, item: str, incoming: Incoming
    ) -> Reply:
        guide = self._guide(item)
        if guide is None:
            return self._question(key, state, pending.question or "")
        if pending.then == "review":
            return self._review_with(key, state, guide, incoming)
        facet = pending.facet or "general"
        state.item = guide.id
        if facet == "materials" and self._unknown_situations(state, guide):
            return self._ask_situations(state, guide, "answer", facet, pending.question)
        answer = self.searcher.answer_for(guide.id, facet, state.known(guide.id))
        return self._answered(state, pending.question or guide.name, answer.answer, guide)

    # -- questions ----------------------------------------------------------------

    def _question(self, key: str, state: State, text: str) -> Reply:
        context = state.item if state.item and self._guide(state.item) else None
        answer = self.searcher.ask(
            text,
            context_item=context,
            situations=state.known(context) if context else None,
        )
        guide = self._guide(answer.item) if answer.item else None
        if answer.status == "answered" and guide is not None:
            state.item = guide.id
            if answer.facet == "materials" and self._unknown_situations(state, guide):
                return self._ask_situations(state, guide, "answer", "materials", text)
            body = answer.answer
            if answer.facet == "materials" and guide.id != context and state.known(guide.id):
                body = self.searcher.answer_for(guide.id, "materials", state.known(guide.id)).answer
            return self._answered(state, text, body, guide)
        candidates = self._candidates(answer)
        self.records.add_unanswered(text, self.normalize(text), answer.status, candidates)
        if answer.status != "not_found" and candidates:
            options = [{"item": g.id, "name": g.name} for g in map(self._guide, candidates) if g]
            state.pending = Pending(
                "choose", options=options, facet=answer.facet, question=text, then="answer"
            )
            return Reply(
                [texts.CHOOSE],
                kind="choose",
                options=[Option(i, o["name"]) for i, o in enumerate(options, 1)],
            )
        return self._hinted(
            [texts.NOT_FOUND.format(question=_quote(text), hotline=self.config.hotline)],
            kind="not_found",
        )

    def _candidates(self, answer: Any) -> list[str]:
        """Distinct candidate items of an uncertain answer, best first."""
        seen: list[str] = []
        for item in [answer.item, *(answer.others or []), *(h.item for h in answer.hits or [])]:
            if item and item not in seen and self._guide(item) is not None:
                seen.append(item)
        return seen[:MAX_OPTIONS]

    def _answered(self, state: State, question: str, body: str, guide: Guide) -> Reply:
        """A service answer, naming the guide it comes from, open to a rating."""
        if guide.name not in body:
            body = f"{body}\n{texts.SOURCE.format(name=guide.name, department=guide.department)}"
        state.item = guide.id
        state.last_question, state.last_answer, state.last_item = question, body, guide.id
        state.rated = False
        return Reply([body], kind="answer", card=card_for(guide), rate=True, item=guide.id)

    # -- situations (办事情形) ------------------------------------------------------

    def _unknown_situations(self, state: State, guide: Guide) -> list[str]:
        known = state.situations.get(guide.id, {})
        return [s.id for s in guide.situations if s.id not in known]

    def _ask_situations(
        self, state: State, guide: Guide, then: str, facet: str | None, question: str | None
    ) -> Reply:
        queue = self._unknown_situations(state, guide)
        state.pending = Pending(
            "situation",
            item=guide.id,
            queue=queue,
            then=then,
            facet=facet,
            question=question,
            total=len(queue),
        )
        intro = texts.SITUATION_INTRO.format(name=guide.name)
        return self._situation_question(guide, state.pending, intro)

    def _situation_question(self, guide: Guide, pending: Pending, intro: str = "") -> Reply:
        situation = guide.situation(pending.queue[0])
        asked = situation.question or f"是否属于“{situation.label}”的情形？"
        index = pending.total - len(pending.queue) + 1
        line = texts.SITUATION_ASK.format(index=index, count=pending.total, question=asked)
        yes, no = texts.SITUATION_OPTIONS
        return Reply(
            [f"{intro}\n{line}" if intro else line],
            kind="situation",
            options=[Option(1, yes.format(label=situation.label)), Option(2, no)],
            item=guide.id,
        )

    def _situation_answer(
        self, key: str, state: State, pending: Pending, text: str, incoming: Incoming
    ) -> Reply | None:
        guide = self._guide(pending.item or "")
        if guide is None or not pending.queue:
            state.pending = None
            return None
        answer = intents.parse_yes_no(text)
        if answer is None:
            if len(intents.fold(text)) <= 4:
                return Reply(
                    [texts.SITUATION_RETRY],
                    kind="situation",
                    options=self._situation_question(guide, pending).options,
                )
            return None
        known = state.situations.setdefault(guide.id, {})
        current = pending.queue.pop(0)
        known[current] = answer
        if not answer:
            # A situation whose label extends a declined one (非婚生育 → 非婚生育且随父落户)
            # cannot apply either: do not ask it.
            declined = intents.fold(guide.situation(current).label)
            for sid in list(pending.queue):
                if declined in intents.fold(guide.situation(sid).label):
                    pending.queue.remove(sid)
                    pending.total -= 1
                    known[sid] = False
        if pending.queue:
            return self._situation_question(guide, pending)
        state.pending = None
        if pending.then == "review":
            return self._collect(key, state, guide, incoming)
        facet = pending.facet or "materials"
        answer_ = self.searcher.answer_for(guide.id, facet, state.known(guide.id))
        return self._answered(state, pending.question or guide.name, answer_.answer, guide)

    # -- hand-off to staff (人工) ----------------------------------------------------

    def _human(self, key: str, state: State, text: str) -> Reply:
        guide = self._guide(state.item) if state.item else None
        lines = [texts.HUMAN_HEAD, texts.HUMAN_HOTLINE.format(hotline=self.config.hotline)]
        if guide is not None and guide.locations:
            for loc in guide.locations[:2]:
                parts = [
                    loc.name,
                    loc.address and f"地址：{loc.address}",
                    loc.hours and f"时间：{loc.hours}",
                    loc.phone and f"电话：{loc.phone}",
                ]
                lines.append(
                    texts.HUMAN_WINDOW.format(
                        name=guide.name, location="；".join(p for p in parts if p)
                    )
                )
        else:
            lines.append(texts.HUMAN_CENTRE.format(centre=self.config.centre))
        lines.append(texts.HUMAN_FLAGGED)
        self.sessions.flag(key, guide.id if guide else None, state.last_question or text or None)
        return Reply(["\n".join(lines)], kind="human", item=guide.id if guide else None)

    # -- ratings (好差评) ---------------------------------------------------------------

    def _rate(self, key: str, state: State, score: int) -> Reply:
        if not state.last_answer or state.rated:
            said = texts.RATE_ALREADY if state.rated else texts.RATE_NOTHING
            return Reply([said], kind="rating")
        rating = self.records.add_rating(
            key, score, state.last_question, state.last_answer, state.last_item
        )
        state.rated = True
        if score in BAD_SCORES:
            state.pending = Pending("rating_reason", rating_id=rating)
            return Reply([texts.RATE_REASON], kind="rating")
        return Reply([texts.RATE_THANKS], kind="rating")

    def _rating_follow_up(self, state: State, pending: Pending, text: str) -> Reply:
        rating = pending.rating_id
        phone = intents.extract_phone(text)
        if pending.kind == "rating_reason":
            self.records.update_rating(rating, reason=text[:2000])
            state.pending = Pending("rating_callback", rating_id=rating)
            return Reply(
                [texts.RATE_CALLBACK],
                kind="rating",
                options=[Option(1, "是，需要回访"), Option(2, "否，不需要")],
            )
        if pending.kind == "rating_callback" and phone is None:
            wanted = intents.parse_yes_no(text)
            if wanted:
                self.records.update_rating(rating, callback_wanted=True)
                state.pending = Pending("rating_phone", rating_id=rating)
                return Reply([texts.RATE_PHONE], kind="rating")
            state.pending = None
            return Reply([texts.RATE_DONE], kind="rating")
        state.pending = None
        if phone is not None:
            self.records.update_rating(rating, callback_wanted=True, phone=phone)
        return Reply([texts.RATE_DONE_CALLBACK], kind="rating")

    # -- pre-review in chat ---------------------------------------------------------

    def _start_review(self, key: str, state: State, incoming: Incoming) -> Reply:
        if self.reviewer is None:
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        guide = self._guide(state.item) if state.item else None
        if guide is None:
            state.pending = Pending("review_item")
            return Reply([texts.REVIEW_ASK_ITEM], kind="prereview")
        return self._review_with(key, state, guide, incoming)

    def _review_item_from_text(
        self, key: str, state: State, text: str, incoming: Incoming
    ) -> Reply:
        answer = self.searcher.ask(text)
        guide = self._guide(answer.item) if answer.item else None
        if answer.status == "answered" and guide is not None:
            return self._review_with(key, state, guide, incoming)
        candidates = self._candidates(answer)
        if candidates:
            options = [{"item": g.id, "name": g.name} for g in map(self._guide, candidates) if g]
            state.pending = Pending("choose", options=options, question=text, then="review")
            return Reply(
                [texts.CHOOSE_REVIEW],
                kind="choose",
                options=[Option(i, o["name"]) for i, o in enumerate(options, 1)],
            )
        return Reply([texts.REVIEW_ITEM_NOT_FOUND.format(text=_quote(text))], kind="prereview")

    def _review_with(self, key: str, state: State, guide: Guide, incoming: Incoming) -> Reply:
        state.item = guide.id
        if self._unknown_situations(state, guide):
            return self._ask_situations(state, guide, "review", None, None)
        return self._collect(key, state, guide, incoming)

    def _collect(self, key: str, state: State, guide: Guide, incoming: Incoming) -> Reply:
        state.pending = Pending("collect", item=guide.id)
        links: list[Link] = []
        if not incoming.can_send_files and self.config.upload_link is not None:
            links.append(Link(texts.REVIEW_WEB_LINK, self.config.upload_link(key)))
            lead = texts.REVIEW_START_LINK.format(name=guide.name, minutes=self.config.link_minutes)
        else:
            lead = texts.REVIEW_START.format(name=guide.name)
        if state.files:
            lead += "\n" + texts.REVIEW_COLLECTING.format(name=guide.name, count=len(state.files))
        return Reply(
            [lead],
            kind="prereview",
            links=links,
            item=guide.id,
            upload=_upload_hint(state, guide),
        )

    def _files(self, key: str, state: State, incoming: Incoming) -> Reply:
        room = self.config.max_files - len(state.files)
        saved, problems = [], []
        for upload in incoming.files:
            if len(saved) >= room:
                problems.append(texts.REVIEW_TOO_MANY.format(limit=self.config.max_files))
                break
            stored, reason = self._store_upload(upload)
            if stored is None:
                problems.append(texts.REVIEW_REJECTED.format(name=upload.name, reason=reason))
            else:
                saved.append({"path": str(stored), "name": upload.name})
        state.files.extend(saved)
        pending = state.pending
        notes = list(problems)
        if saved:
            last = saved[-1]["name"]
            notes.insert(0, texts.REVIEW_RECEIVED.format(count=len(state.files), name=last))
        if pending is not None and pending.kind == "collect":
            guide = self._guide(pending.item or "")
            return Reply(
                ["\n".join(notes)],
                kind="prereview",
                item=pending.item,
                upload=_upload_hint(state, guide) if guide else None,
            )
        if not saved:
            return Reply(["\n".join(notes)], kind="error")
        if pending is not None and (pending.then == "review" or pending.kind == "review_item"):
            return Reply([notes[0] if len(notes) == 1 else "\n".join(notes)], kind="prereview")
        reply = self._start_review(key, state, incoming)
        reply.texts.insert(0, "\n".join(notes))
        return reply

    def _store_upload(self, upload: Upload) -> tuple[Path | None, str]:
        if len(upload.data) > self.config.max_file_bytes:
            return None, f"文件超过 {self.config.max_file_bytes // (1024 * 1024)}MB"
        if not upload.data:
            return None, "文件是空的"
        kind = filetype.guess(upload.data)
        extension = ACCEPTED_TYPES.get(kind.mime) if kind else None
        if extension is None:
            return None, "不支持这种文件格式"
        self.config.uploads.mkdir(parents=True, exist_ok=True)
        path = self.config.uploads / f"{uuid.uuid4().hex}.{extension}"
        path.write_bytes(upload.data)
        return path, ""

    def _submit(self, key: str, state: State) -> Reply:
        pending = state.pending
        guide = self._guide(pending.item or "") if pending else None
        if guide is None or self.reviewer is None:
            state.pending = None
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        if not state.files:
            return Reply([texts.REVIEW_NO_FILES], kind="prereview", item=guide.id)
        present = [(f["name"], Path(f["path"])) for f in state.files if Path(f["path"]).exists()]
        if not present:
            state.files = []
            return Reply([texts.REVIEW_NO_FILES], kind="prereview", item=guide.id)
        files = [(name, path.read_bytes()) for name, path in present]
        job = self.reviewer.submit(guide.id, files, state.known(guide.id) or {}, None, key)
        self.sessions.add_job(job, key, guide.id)
        # A job can end before it is linked to this conversation (the queue is down, a
        # worker is quicker than this turn): its on_done found no conversation to tell,
        # so deliver now. Delivery happens once, whoever gets there first.
        self.deliver(job)
        for _, path in present:  # the job keeps its own copies
            path.unlink(missing_ok=True)
        state.files, state.pending = [], None
        return Reply(
            [texts.REVIEW_PENDING.format(name=guide.name, count=len(present))],
            kind="pending",
            job=job,
            item=guide.id,
        )

    def purge_uploads(self, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
        """Delete files collected for a pre-review that was never finished."""
        folder = self.config.uploads
        if not folder.is_dir():
            return 0
        cutoff = time.time() - older_than.total_seconds()
        removed = 0
        for path in folder.iterdir():
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    # -- pre-review results ------------------------------------------------------------

    def job_reply(self, job_id: str) -> Reply | None:
        """The notice of a finished job as a reply; None while it is still running."""
        view = self.reviewer.view(job_id) if self.reviewer else None
        if view is None or not view.finished:
            return None
        return self._notice(view)

    def _notice(self, view: JobView) -> Reply:
        if view.status == "failed":
            return Reply(
                [
                    texts.REVIEW_FAILED.format(
                        error=view.error or "未知原因", hotline=self.config.hotline
                    )
                ],
                kind="error",
                item=view.item,
            )
        links = [Link(texts.REVIEW_NOTICE_LINK, view.notice_url)] if view.notice_url else []
        return Reply(list(view.texts), kind="notice", links=links, rate=True, item=view.item)

    def deliver(self, job_id: str) -> Reply | None:
        """Called once a job is done: log its notice and hand it to ``on_notice`` once.

        Safe to call from several processes or threads: only the first caller
        delivers; the others get None.
        """
        key = self.sessions.job_session(job_id)
        reply = self.job_reply(job_id) if key is not None else None
        if reply is None or not self.sessions.claim_delivery(job_id):
            return None
        state = self.sessions.load(key)
        guide = self._guide(reply.item or "")
        if reply.kind == "notice":
            state.last_question = f"材料预审：{guide.name if guide else reply.item}"
            state.last_answer, state.last_item = "\n".join(reply.texts), reply.item
            state.rated, state.rate_open = False, True
        self.sessions.save_turn(key, state, [("out", reply.plain_text(), reply.item, reply.kind)])
        if self.on_notice is not None:
            try:
                self.on_notice(key, reply)
            except Exception:
                logger.exception("delivering the notice of job %s to %s failed", job_id, key)
        return reply


def card_for(guide: Guide) -> ItemCard:
    """The item card shown with an answer: name, department, time, fees, where."""
    limit = None
    if guide.time_limit is not None:
        t = guide.time_limit
        if t.promised == 0:
            limit = "即办（当场办结）"
        elif t.promised is not None:
            limit = f"承诺{t.promised}个{t.unit}"
        elif t.statutory is not None:
            limit = f"法定{t.statutory}个{t.unit}"
    location = guide.locations[0] if guide.locations else None
    return ItemCard(
        id=guide.id,
        name=guide.name,
        department=guide.department,
        handling=guide.handling,
        time_limit=limit,
        fees=guide.fees,
        visits=guide.visits,
        location=(
            "，".join(p for p in (location.name, location.address) if p) if location else None
        ),
        hours=location.hours if location else None,
        phone=location.phone if location else None,
        online_url=guide.online_url,
    )


def _upload_hint(state: State, guide: Guide) -> UploadHint:
    known = state.known(guide.id) or {}
    situations = tuple(f"{sid}={'true' if yes else 'false'}" for sid, yes in known.items())
    return UploadHint(guide.id, guide.name, situations, len(state.files))


def _describe(incoming: Incoming) -> str:
    if incoming.files:
        return "[文件] " + "、".join(f.name for f in incoming.files)
    if incoming.command and not incoming.text:
        return f"[菜单] {incoming.command}"
    return incoming.text


def _quote(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
