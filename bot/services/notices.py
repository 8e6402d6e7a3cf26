"""Notice delivery: a finished pre-review job's one-time notice (一次性告知书) goes into the
conversation that asked for it — logged, open to a rating — and is pushed to its channel.

The process that runs the job delivers it (the app, or an ``onetrip worker`` that
builds no dialog at all); :meth:`NoticeDelivery.deliver` makes sure only once.
The chat shows the masked result (ID numbers hidden), so that a forwarded chat
or link shows no full ID number. A 一件事 bundle's job gets the bundle's combined notice.
When the result has forms to pre-fill (一表申请) the reply links the printable form too
(``form_path``, a signed link: see ``bot.channels.http.chat``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import zhconv

from bot.dialog import Link, Reply, SessionStore, texts
from bot.jobs import FAILED, PrereviewJobs
from bot.services.conversation_jobs import ConversationJobs
from knowledge import Store
from prereview import BundleReviewResult, ReviewResult, render_bundle_text, render_text

logger = logging.getLogger(__name__)

# conversation key, reply → the reply is on its way to the citizen (or nowhere: web polls).
Push = Callable[[str, Reply], None]


class NoticeDelivery:
    def __init__(
        self,
        jobs: PrereviewJobs,
        sessions: SessionStore,
        links: ConversationJobs,
        store: Store,
        notice_path: Callable[[str], str],
        public_url: str,
        centre: str,
        hotline: str,
        push: Push | None = None,
        form_path: Callable[[str], str] | None = None,
    ) -> None:
        self.jobs = jobs
        self.sessions = sessions
        self.links = links
        self.store = store
        self.notice_path = notice_path
        self.public_url = public_url.rstrip("/")
        self.centre = centre
        self.hotline = hotline
        self.push = push
        self.form_path = form_path  # job id → where its pre-filled form is, site-relative

    def link(self, job_id: str, key: str, item: str) -> None:
        """Tie a job to the conversation that submitted it, then deliver if it already ended.

        A job can end before it is linked (the queue is down, a worker is quicker
        than the turn): its delivery found no conversation to tell, so it happens now.
        """
        self.links.link(job_id, key, item)
        self.deliver(job_id)

    def reply_for(self, job_id: str) -> Reply | None:
        """The notice of a finished job as a reply; None while it runs or when there is none.

        ``notice_path`` is relative to the site (web page); the texts carry it absolute
        (``public_url``) for WeChat.
        """
        job = self.jobs.get_job(job_id)
        if job is None:
            return None
        if job.status == FAILED or (job.finished and job.result is None):
            error = job.error or "未知原因"
            failed = texts.REVIEW_FAILED.format(error=error, hotline=self.hotline)
            return Reply([failed], kind="error", item=job.item)
        if not job.finished:
            return None
        path = self.notice_path(job_id)
        bundle = isinstance(job.result, BundleReviewResult)
        render = render_bundle_text if bundle else render_text
        lines = render(
            job.result, link=self.public_url + path, centre=self.centre, hotline=self.hotline
        )
        links = [Link(texts.REVIEW_NOTICE_LINK, path)]
        if self.form_path is not None and _has_forms(job.result):
            links.append(Link(texts.REVIEW_FORM_LINK, self.form_path(job_id)))
        return Reply(
            list(lines),
            kind="notice",
            links=links,
            rate=True,
            item=job.item or None,
            bundle=job.bundle,
        )

    def _name(self, reply: Reply) -> str:
        """What the notice is about: the item's or the bundle's name (its id if deleted)."""
        if reply.bundle:
            bundle = self.store.get_bundle(reply.bundle)
            return bundle.name if bundle else reply.bundle
        guide = self.store.get(reply.item or "")
        return guide.name if guide else reply.item or ""

    def deliver(self, job_id: str) -> Reply | None:
        """Log a finished job's notice in its conversation and push it, once.

        Safe to call from several processes or threads: only the first caller
        delivers; the others get None.
        """
        key = self.links.session_of(job_id)
        reply = self.reply_for(job_id) if key is not None else None
        if reply is None or not self.links.claim_delivery(job_id):
            return None
        state = self.sessions.load(key)
        if reply.kind == "notice":
            name = zhconv.convert(self._name(reply), "zh-cn")
            state.rateable(f"材料预审：{name}", "\n".join(reply.texts), reply.item)
            state.rate_open = True
        self.sessions.save_turn(key, state, [("out", reply.plain_text(), reply.item, reply.kind)])
        if self.push is not None:
            try:
                self.push(key, reply)
            except Exception:
                logger.exception("delivering the notice of job %s to %s failed", job_id, key)
        return reply


def _has_forms(result: ReviewResult | BundleReviewResult) -> bool:
    """Whether the result pre-fills any form material (一表申请); else there is no form to link."""
    results = result.reviewed() if isinstance(result, BundleReviewResult) else [result]
    return any(r.prefill for r in results)
