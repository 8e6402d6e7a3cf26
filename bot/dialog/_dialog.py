"""The conversation: one turn in, one reply out, state kept in the database.

A turn loads the session, decides what the message is (an answer to what the
bot asked, a command, small talk, or a question for retrieval), and saves the
session with the turn's log in one transaction. Service answers only ever come
from ``retrieval`` (composed from the guides); when it is not confident the bot
offers a numbered choice or says honestly that it does not know, and the
question goes to the staff's unanswered queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.dialog import intents, ratings, texts
from bot.dialog.bundle_questions import BundleParts, bundle_parts, open_questions, settled
from bot.dialog.cache import AnswerCache
from bot.dialog.cards import card_for
from bot.dialog.handoff import contact_lines
from bot.dialog.intake import PrereviewIntake, SubmitRefused
from bot.dialog.messages import Incoming, Link, Option, Reply, UploadHint
from bot.dialog.records import Records
from bot.dialog.sessions import SessionStore
from bot.dialog.state import Pending, State
from bot.links import safe_link
from bot.situations import situation_flags
from bot.text_limits import bounded_text, cut_note
from knowledge import Guide, Store
from knowledge.charforms import simplified, to_simplified
from prereview.limits import UploadRejected

logger = logging.getLogger(__name__)

MAX_OPTIONS = 4


@dataclass
class Turn:
    """One message being answered: whose conversation, its state, and what came in.

    ``text`` is the message stripped, ``command`` the bot command it asks for (a
    button's, or a short message's like 人工), ``rate_open`` whether the previous
    reply asked for a rating (a bare digit is then a score).
    """

    key: str
    state: State
    incoming: Incoming
    text: str = ""
    command: str | None = None
    rate_open: bool = False


@dataclass
class DialogConfig:
    """Plain settings of the dialog (``bot`` reads ``Settings`` and fills this in)."""

    centre: str = "政务服务中心"
    hotline: str = "12345"
    link_minutes: int = 60
    # session key -> personal upload page link, for chats that cannot carry PDFs.
    upload_link: Callable[[str], str] | None = None
    allow_http_links: bool = False  # guide links shown on cards: https:// only, unless set


class Dialog:
    """Channel-independent chat logic. Thread-safe: all state is in the database."""

    def __init__(
        self,
        searcher: Any,
        store: Store,
        sessions: SessionStore,
        records: Records,
        config: DialogConfig,
        intake: PrereviewIntake | None = None,
        normalize: Callable[[str], str] = intents.fold,
    ) -> None:
        self.searcher = AnswerCache(searcher, store)
        self.store = store
        self.sessions = sessions
        self.records = records
        self.config = config
        self.intake = intake
        self.normalize = normalize
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
        guide = simplified(raw) if raw is not None else None
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
                    picked.append(to_simplified(guide.aliases[0]))
            self._examples = (version, picked[:count])
        return list(self._examples[1])

    # -- the turn ------------------------------------------------------------

    def handle(self, key: str, incoming: Incoming) -> Reply:
        """Answer one message of the conversation ``key`` (``channel:user``).

        Every channel's text gets the same bound (``bot.text_limits``): a longer message is
        cut, and the reply says so.
        """
        bounded = bounded_text(incoming.text)
        if bounded.cut or bounded.text != incoming.text:
            incoming = replace(incoming, text=bounded.text)
        state = self.sessions.load(key)
        turn = Turn(key, state, incoming, rate_open=state.rate_open)
        state.rate_open = False
        try:
            reply = self._dispatch(turn)
        except Exception:
            logger.exception("dialog turn failed for %s", key)
            state.pending = None
            reply = Reply([texts.ERROR.format(hotline=self.config.hotline)], kind="error")
        if bounded.cut:
            reply.texts.append(cut_note())
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

    def _dispatch(self, turn: Turn) -> Reply:
        incoming, state = turn.incoming, turn.state
        if incoming.files:
            return self._files(turn)
        if incoming.command:
            turn.command = incoming.command
            return self._command(turn)
        turn.text = incoming.text.strip()
        if not turn.text:
            return self._hinted([texts.EMPTY], kind="social")
        turn.command = intents.command_of(turn.text)
        if turn.command in ("cancel", "human"):
            return self._command(turn)
        pending = state.pending
        if pending is not None:
            reply = self._pending(turn, pending)
            if reply is not None:
                return reply
            if pending.kind == "collect":
                return self._aside(turn, pending)
            state.pending = None
        return self._free(turn)

    def _free(self, turn: Turn) -> Reply:
        """A message that answers nothing the bot asked: command, rating, small talk, question."""
        if turn.command is not None:
            return self._command(turn)
        score = intents.parse_rating(turn.text, allow_digit=turn.rate_open)
        if score is not None:
            return ratings.rate(self.records, turn.key, turn.state, score)
        social = intents.social_kind(turn.text)
        if social is not None:
            first = texts.SOCIAL[social].format(centre=self.config.centre)
            if social in ("thanks", "bye"):
                return Reply([first], kind="social")
            return self._hinted([first], kind="social")
        return self._question(turn.state, turn.text)

    def _aside(self, turn: Turn, pending: Pending) -> Reply:
        """A question in the middle of collecting files: answer it, keep collecting."""
        state = turn.state
        reply = self._free(turn)
        if state.pending is None:
            state.pending = pending
        if state.pending is pending:
            name, _ = self._collecting(state, pending)
            reply.texts.append(texts.REVIEW_COLLECTING.format(name=name, count=len(state.files)))
        return reply

    def _command(self, turn: Turn) -> Reply:
        state, command = turn.state, turn.command
        if command == "cancel":
            if self.intake is not None:
                self.intake.discard([Path(f["path"]) for f in state.files])
            state.pending = None
            state.files = []
            return Reply([texts.CANCELLED], kind="social")
        if command == "human":
            return self._human(turn)
        if command == "prereview":
            return self._start_review(turn)
        if command == "done":
            if state.pending is not None and state.pending.kind == "collect":
                return self._submit(turn)
            return Reply([texts.REVIEW_NO_FILES if state.files else texts.EMPTY], kind="prereview")
        if command == "rate":
            return ratings.ask_rating(state)
        if command == "welcome":
            return self._hinted([texts.WELCOME.format(centre=self.config.centre)], kind="social")
        return self._hinted([], kind="social")

    # -- what the bot asked for ------------------------------------------------

    def _pending(self, turn: Turn, pending: Pending) -> Reply | None:
        """The reply to an answer of the pending question, or None when it is something else."""
        state, text, command = turn.state, turn.text, turn.command
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
            return self._picked(turn, pending, pending.options[number - 1]["item"])
        if pending.kind == "situation":
            return self._situation_answer(turn, pending)
        if pending.kind == "review_item":
            if command is not None or intents.social_kind(text):
                return None
            return self._review_item_from_text(turn)
        if pending.kind == "collect":
            if command == "done":
                return self._submit(turn)
            if command == "prereview":
                name, _ = self._collecting(state, pending)
                return Reply(
                    [texts.REVIEW_COLLECTING.format(name=name, count=len(state.files))],
                    kind="prereview",
                )
            return None
        if pending.kind.startswith("rating_"):
            return ratings.follow_up(self.records, state, pending, text)
        return None

    def _picked(self, turn: Turn, pending: Pending, item: str) -> Reply:
        state = turn.state
        guide = self._guide(item)
        if guide is None:
            return self._question(state, pending.question or "")
        if pending.then == "review":
            return self._review_with(turn, guide)
        facet = pending.facet or "general"
        state.item = guide.id
        if facet == "materials" and self._unknown_situations(state, guide):
            return self._ask_situations(state, guide, "answer", facet, pending.question)
        answer = self.searcher.answer_for(guide.id, facet, state.known(guide.id))
        return self._answered(state, pending.question or guide.name, answer.answer, guide)

    # -- questions ----------------------------------------------------------------

    def _question(self, state: State, text: str) -> Reply:
        context = state.item if state.item and self._guide(state.item) else None
        answer = self.searcher.ask(
            text,
            context_item=context,
            situations=state.known(context) if context else None,
        )
        if answer.status == "answered" and getattr(answer, "bundle", None):
            return self._bundle_answered(state, text, answer.answer, answer.bundle)
        guide = self._guide(answer.item) if answer.item else None
        if answer.status == "answered" and guide is not None:
            state.bundle = None
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
        url = guide.online_url
        if url and safe_link(url, self.config.allow_http_links) is None:
            body = body.replace(url, texts.BAD_LINK)  # kept in an older database: not shown
        state.item = guide.id
        state.rateable(question, body, guide.id)
        return Reply(
            [body],
            kind="answer",
            card=card_for(guide, self.config.allow_http_links),
            rate=True,
            item=guide.id,
        )

    def _bundle_answered(self, state: State, question: str, body: str, bundle_id: str) -> Reply:
        """The whole 一件事 (its items, materials once, questions once), open to a rating.

        The bundle becomes the conversation's context instead of an item, so a
        follow-up about one item is searched afresh rather than read as about the last.
        """
        bundle = self.store.get_bundle(bundle_id)
        if bundle is not None:
            source = texts.BUNDLE_SOURCE.format(department=to_simplified(bundle.department))
            body = f"{body}\n{source}\n{texts.BUNDLE_PREREVIEW}"
        state.item = None
        state.bundle = bundle_id
        state.rateable(question, body, None)
        return Reply([body], kind="answer", rate=True, bundle=bundle_id)

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
        asked = situation.asked
        index = pending.total - len(pending.queue) + 1
        line = texts.SITUATION_ASK.format(index=index, count=pending.total, question=asked)
        yes, no = texts.SITUATION_OPTIONS
        return Reply(
            [f"{intro}\n{line}" if intro else line],
            kind="situation",
            options=[Option(1, yes.format(label=situation.label)), Option(2, no)],
            item=guide.id,
        )

    def _situation_answer(self, turn: Turn, pending: Pending) -> Reply | None:
        if pending.bundle:
            return self._bundle_situation_answer(turn, pending)
        state, text = turn.state, turn.text
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
            return self._collect(turn, guide)
        facet = pending.facet or "materials"
        answer_ = self.searcher.answer_for(guide.id, facet, state.known(guide.id))
        return self._answered(state, pending.question or guide.name, answer_.answer, guide)

    # -- hand-off to staff (人工) ----------------------------------------------------

    def _human(self, turn: Turn) -> Reply:
        state = turn.state
        guide = self._guide(state.item) if state.item else None
        lines = contact_lines(guide, self.config.hotline, self.config.centre)
        item = guide.id if guide else None
        self.sessions.flag(turn.key, item, state.last_question or turn.text or None)
        return Reply(["\n".join(lines)], kind="human", item=item)

    # -- pre-review in chat ---------------------------------------------------------

    def _start_review(self, turn: Turn) -> Reply:
        state = turn.state
        if self.intake is None:
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        guide = self._guide(state.item) if state.item else None
        if guide is None:
            parts = bundle_parts(self.store, state.bundle)
            if parts is not None:  # after a bundle answer: the whole 一件事 at once
                return self._review_bundle(turn, parts)
            state.pending = Pending("review_item")
            return Reply([texts.REVIEW_ASK_ITEM], kind="prereview")
        return self._review_with(turn, guide)

    def _review_item_from_text(self, turn: Turn) -> Reply:
        state, text = turn.state, turn.text
        answer = self.searcher.ask(text)
        parts = bundle_parts(self.store, getattr(answer, "bundle", None))
        if answer.status == "answered" and parts is not None:
            return self._review_bundle(turn, parts)
        guide = self._guide(answer.item) if answer.item else None
        if answer.status == "answered" and guide is not None:
            return self._review_with(turn, guide)
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

    def _review_with(self, turn: Turn, guide: Guide) -> Reply:
        state = turn.state
        state.item = guide.id
        if self._unknown_situations(state, guide):
            return self._ask_situations(state, guide, "review", None, None)
        return self._collect(turn, guide)

    def _collect(self, turn: Turn, guide: Guide) -> Reply:
        turn.state.pending = Pending("collect", item=guide.id)
        hint = _upload_hint(turn.state, guide)
        return self._collect_reply(turn, guide.name, hint, item=guide.id)

    def _collect_reply(
        self,
        turn: Turn,
        name: str,
        hint: UploadHint,
        item: str | None = None,
        bundle: str | None = None,
    ) -> Reply:
        """Send the files (or, where the chat cannot carry PDFs, use the upload link)."""
        state = turn.state
        links: list[Link] = []
        if not turn.incoming.can_send_files and self.config.upload_link is not None:
            links.append(Link(texts.REVIEW_WEB_LINK, self.config.upload_link(turn.key)))
            lead = texts.REVIEW_START_LINK.format(name=name, minutes=self.config.link_minutes)
        else:
            lead = texts.REVIEW_START.format(name=name)
        if state.files:
            lead += "\n" + texts.REVIEW_COLLECTING.format(name=name, count=len(state.files))
        return Reply([lead], kind="prereview", links=links, item=item, bundle=bundle, upload=hint)

    def _collecting(self, state: State, pending: Pending) -> tuple[str, UploadHint | None]:
        """The name of what files are collected for (an item or a bundle), and its hint."""
        if pending.bundle:
            parts = bundle_parts(self.store, pending.bundle)
            return (_bundle_name(parts), _bundle_hint(state, parts)) if parts else ("", None)
        guide = self._guide(pending.item or "")
        return (guide.name, _upload_hint(state, guide)) if guide else ("", None)

    def _files(self, turn: Turn) -> Reply:
        state = turn.state
        if self.intake is None:
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        limits = self.intake.limits
        room = limits.max_files - len(state.files)
        saved, problems = [], []
        for upload in turn.incoming.files:
            if len(saved) >= room:
                problems.append(texts.REVIEW_TOO_MANY.format(rule=limits.too_many_files()))
                break
            try:
                stored = self.intake.stage(upload)
            except UploadRejected as exc:
                problems.append(texts.REVIEW_REJECTED.format(name=upload.name, reason=exc.message))
            else:
                saved.append({"path": str(stored), "name": upload.name})
        state.files.extend(saved)
        pending = state.pending
        notes = list(problems)
        if saved:
            last = saved[-1]["name"]
            notes.insert(0, texts.REVIEW_RECEIVED.format(count=len(state.files), name=last))
        if pending is not None and pending.kind == "collect":
            _, hint = self._collecting(state, pending)
            return Reply(
                ["\n".join(notes)],
                kind="prereview",
                item=pending.item,
                bundle=pending.bundle,
                upload=hint,
            )
        if not saved:
            return Reply(["\n".join(notes)], kind="error")
        if pending is not None and (pending.then == "review" or pending.kind == "review_item"):
            return Reply([notes[0] if len(notes) == 1 else "\n".join(notes)], kind="prereview")
        reply = self._start_review(turn)
        reply.texts.insert(0, "\n".join(notes))
        return reply

    def _submit(self, turn: Turn) -> Reply:
        state = turn.state
        pending = state.pending
        if pending is not None and pending.bundle:
            return self._submit_bundle(turn, pending.bundle)
        guide = self._guide(pending.item or "") if pending else None
        if guide is None or self.intake is None:
            state.pending = None
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        present = _present(state)
        if not present:
            return Reply([texts.REVIEW_NO_FILES], kind="prereview", item=guide.id)
        try:
            job = self.intake.submit(guide.id, present, state.known(guide.id) or {}, turn.key)
        except SubmitRefused as exc:
            return Reply([exc.message], kind="prereview", item=guide.id)
        state.files, state.pending = [], None
        return Reply(
            [texts.REVIEW_PENDING.format(name=guide.name, count=len(present))],
            kind="pending",
            job=job,
            item=guide.id,
        )

    # -- pre-review of a whole 一件事 bundle ----------------------------------------------

    def _review_bundle(self, turn: Turn, parts: BundleParts) -> Reply:
        """The bundle's questions that matter (each once), then one set of files for it all."""
        state = turn.state
        state.item, state.bundle = None, parts.bundle.id
        queue = open_questions(parts, state.bundle_known(parts.bundle.id))
        if not queue:
            return self._collect_bundle(turn, parts)
        state.pending = Pending(
            "situation",
            bundle=parts.bundle.id,
            queue=[q.key for q in queue],
            then="review",
            total=len(queue),
        )
        intro = texts.SITUATION_INTRO.format(name=_bundle_name(parts))
        return self._bundle_question(parts, state.pending, intro)

    def _bundle_question(self, parts: BundleParts, pending: Pending, intro: str = "") -> Reply:
        question = next(q for q in parts.questions() if q.key == pending.queue[0])
        index = pending.total - len(pending.queue) + 1
        asked = to_simplified(question.question)
        line = texts.SITUATION_ASK.format(index=index, count=pending.total, question=asked)
        yes, no = texts.SITUATION_OPTIONS
        label = to_simplified(question.label)
        return Reply(
            [f"{intro}\n{line}" if intro else line],
            kind="situation",
            options=[Option(1, yes.format(label=label)), Option(2, no)],
            bundle=parts.bundle.id,
        )

    def _bundle_situation_answer(self, turn: Turn, pending: Pending) -> Reply | None:
        """Record a yes/no; what it settles is not asked (one_of, items that drop out)."""
        state, text = turn.state, turn.text
        parts = bundle_parts(self.store, pending.bundle)
        if parts is None or not pending.queue:
            state.pending = None
            return None
        if pending.queue[0] not in {q.key for q in parts.questions()}:
            return self._review_bundle(turn, parts)  # the bundle changed meanwhile
        answer = intents.parse_yes_no(text)
        if answer is None:
            if len(intents.fold(text)) <= 4:
                options = self._bundle_question(parts, pending).options
                return Reply(
                    [texts.SITUATION_RETRY],
                    kind="situation",
                    options=options,
                    bundle=pending.bundle,
                )
            return None
        known = state.bundle_known(parts.bundle.id)
        asked = pending.total - len(pending.queue) + 1
        known[pending.queue[0]] = answer
        known.update(settled(parts, known))
        queue = [q.key for q in open_questions(parts, known)]
        if queue:
            pending.queue, pending.total = queue, asked + len(queue)
            return self._bundle_question(parts, pending)
        state.pending = None
        return self._collect_bundle(turn, parts)

    def _collect_bundle(self, turn: Turn, parts: BundleParts) -> Reply:
        turn.state.pending = Pending("collect", bundle=parts.bundle.id)
        hint = _bundle_hint(turn.state, parts)
        return self._collect_reply(turn, _bundle_name(parts), hint, bundle=parts.bundle.id)

    def _submit_bundle(self, turn: Turn, bundle_id: str) -> Reply:
        """One job for the whole bundle: every file read once against each of its items."""
        state = turn.state
        parts = bundle_parts(self.store, bundle_id)
        if parts is None or self.intake is None:
            state.pending = None
            return Reply(
                [texts.REVIEW_UNAVAILABLE.format(hotline=self.config.hotline)], kind="error"
            )
        present = _present(state)
        if not present:
            return Reply([texts.REVIEW_NO_FILES], kind="prereview", bundle=bundle_id)
        keys = {q.key for q in parts.questions()}
        answers = {k: on for k, on in state.bundle_known(bundle_id).items() if k in keys}
        try:
            job = self.intake.submit(bundle_id, present, answers, turn.key, bundle=True)
        except SubmitRefused as exc:
            return Reply([exc.message], kind="prereview", bundle=bundle_id)
        state.files, state.pending = [], None
        name = _bundle_name(parts)
        return Reply(
            [texts.REVIEW_PENDING.format(name=name, count=len(present))],
            kind="pending",
            job=job,
            bundle=bundle_id,
        )


def _present(state: State) -> list[tuple[str, Path]]:
    """The collected files still on disk, as (name, path); the list is dropped when none is."""
    present = [(f["name"], Path(f["path"])) for f in state.files if Path(f["path"]).exists()]
    if not present:
        state.files = []
    return present


def _bundle_name(parts: BundleParts) -> str:
    return to_simplified(parts.bundle.name)


def _bundle_hint(state: State, parts: BundleParts) -> UploadHint:
    on = tuple(k for k, yes in state.bundle_known(parts.bundle.id).items() if yes)
    return UploadHint(parts.bundle.id, _bundle_name(parts), on, len(state.files), bundle=True)


def _upload_hint(state: State, guide: Guide) -> UploadHint:
    situations = situation_flags(state.known(guide.id) or {})
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
