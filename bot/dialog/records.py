"""What the staff workbench works from: unanswered questions and 好差评 ratings.

Unanswered questions are grouped by their normalised text (one row, a count,
first and last seen); a rating keeps the question and answer it rates, and a
bad rating (不满意, 非常不满意) starts the 差评回访 follow-up as 待回访.
"""

from __future__ import annotations

from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError

from bot._db import Database
from bot.dialog.tables import BAD_SCORES, RATING_LABELS, RatingRow, UnansweredRow
from bot.privacy import mask_personal, personal_numbers
from knowledge.db import utcnow


class Records:
    def __init__(self, engine: Engine) -> None:
        self._db = Database(engine)

    # -- unanswered questions ----------------------------------------------------

    def add_unanswered(
        self, text: str, normalized: str, retrieval_status: str, candidates: list[str]
    ) -> None:
        """Count one more asking of a question; safe when two processes add it at once."""
        text, normalized = mask_personal(text.strip())[:500], mask_personal(normalized.strip())
        normalized = (normalized or text)[:500]
        for _ in range(3):
            now = utcnow()
            with self._db.write() as session:
                updated = session.execute(
                    update(UnansweredRow)
                    .where(UnansweredRow.normalized == normalized)
                    .values(
                        count=UnansweredRow.count + 1,
                        last_seen=now,
                        retrieval_status=retrieval_status,
                        candidates=candidates,
                    )
                ).rowcount
            if updated:
                return
            try:
                with self._db.write() as session:
                    session.add(
                        UnansweredRow(
                            text=text,
                            normalized=normalized,
                            count=1,
                            first_seen=now,
                            last_seen=now,
                            status="open",
                            candidates=candidates,
                            retrieval_status=retrieval_status,
                        )
                    )
                return
            except IntegrityError:
                continue  # another process inserted it first: count on that row

    # -- ratings (好差评) -----------------------------------------------------------

    def add_rating(
        self,
        session_key: str,
        score: int,
        question: str | None,
        answer: str | None,
        item: str | None,
    ) -> int:
        now = utcnow()
        row = RatingRow(
            created_at=now,
            updated_at=now,
            session_key=session_key,
            channel=session_key.split(":", 1)[0],
            score=score,
            label=RATING_LABELS[score],
            question=mask_personal(question) if question else question,
            answer=mask_personal(answer, only=personal_numbers(question or ""))
            if answer
            else answer,
            item_id=item,
            callback_wanted=False,
            follow_up="待回访" if score in BAD_SCORES else None,
        )
        with self._db.write() as session:
            session.add(row)
            session.flush()
            return row.id

    def update_rating(self, rating_id: int, **values: object) -> None:
        """Set reason / callback_wanted / phone of a rating the citizen is explaining.

        The reason is masked like any text a citizen writes; the phone number they give
        for the call-back (差评回访) is kept, that being what they gave it for.
        """
        if isinstance(values.get("reason"), str):
            values["reason"] = mask_personal(values["reason"])
        with self._db.write() as session:
            session.execute(
                update(RatingRow)
                .where(RatingRow.id == rating_id)
                .values(updated_at=utcnow(), **values)
            )
