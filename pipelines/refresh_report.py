"""What a refresh says: each feed's outcome, the pass's report and its
one-line summary, and the callbacks for people watching (Reporter)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pipelines.fetch import redact


@dataclass
class FeedOutcome:
    feed: str
    outcome: str
    status: int | None = None
    items: int = 0
    new: int = 0
    changed: int = 0
    message: str = ""
    next_check_at: datetime | None = None
    disabled: str | None = None
    moved_to: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome != "error"

    def line(self) -> str:
        if self.outcome == "skipped":
            return f"skip   {self.feed}: {self.message}"
        if self.outcome == "fetched":
            text = f"ok     {self.feed}: {self.items} items, {self.new} new, {self.changed} changed"
        elif self.outcome == "not_modified":
            text = f"304    {self.feed}: not modified"
        elif self.outcome == "unchanged":
            text = f"same   {self.feed}: body unchanged, not parsed again"
        elif self.disabled:
            text = f"error  {self.feed}: {self.message}; feed disabled (`rivalwatch feeds enable {self.feed}` to retry)"
        elif self.outcome == "error" and self.next_check_at is None:
            text = f"error  {self.feed}: {self.message}"  # refused before asking: the message says what to fix
        else:
            when = f"{self.next_check_at:%Y-%m-%d %H:%M} UTC" if self.next_check_at else "the next run"
            text = f"error  {self.feed}: {self.message}; retrying after {when}"
        if self.ok and self.message:
            text += f" [{self.message}]"
        if self.moved_to:
            text += f" [moved permanently to {redact(self.moved_to)}: fetched there from now on]"
        return text

    def detail(self) -> dict:
        return dict(feed=self.feed, outcome=self.outcome, status=self.status, items=self.items, new=self.new,
                    changed=self.changed, message=self.message or None,
                    next_check_at=self.next_check_at.isoformat(timespec="seconds") if self.next_check_at else None,
                    disabled=self.disabled)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


@dataclass
class RefreshReport:
    run_id: int
    started_at: datetime
    finished_at: datetime | None = None
    outcomes: list[FeedOutcome] = field(default_factory=list)
    not_due: int = 0
    disabled: int = 0
    analysed: int = 0
    resumed_runs: list[int] = field(default_factory=list)
    next_due_at: datetime | None = None
    documents: int = 0  # filing documents stored (read, truncated or failed)
    pooled_documents: int = 0  # feed documents parsed in worker processes

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def new_items(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        """0 when at least one feed succeeded or none was due; 1 when every due feed failed."""
        return 1 if self.outcomes and self.errors == len(self.outcomes) else 0

    def summary(self) -> str:
        due = len(self.outcomes)
        if not due:
            waiting = [f"{self.not_due} not due"] + ([f"{self.disabled} disabled"] if self.disabled else [])
            text = f"refresh: nothing due ({', '.join(waiting)})"
            if self.resumed_runs:
                runs = ", ".join(map(str, self.resumed_runs))
                text += f", {self.analysed} analysed, completed interrupted run {runs}"
            if self.next_due_at:
                text += f"; next feed due {self.next_due_at:%Y-%m-%d %H:%M} UTC"
            return text
        skipped = self.count("skipped")
        text = (f"refresh: {_n(due, 'feed')} due, {due - self.errors - skipped} ok ({self.count('fetched')} fetched, "
                f"{self.count('not_modified')} not modified, {self.count('unchanged')} unchanged), "
                + (f"{skipped} skipped (SEC EDGAR paused), " if skipped else "")
                + f"{_n(self.errors, 'error')}, {_n(self.new_items, 'new item')}, {self.analysed} analysed")
        if self.documents:
            text += f", {_n(self.documents, 'filing document')}"
        if self.not_due:
            text += f", {self.not_due} not due"
        if self.disabled:
            text += f", {self.disabled} disabled"
        if self.resumed_runs:
            text += f", completed interrupted run {', '.join(map(str, self.resumed_runs))}"
        if self.next_due_at:
            text += f"; next feed due {self.next_due_at:%Y-%m-%d %H:%M} UTC"
        return text


class Reporter:
    """Callbacks for people watching a refresh; the default says nothing."""

    def start(self, total: int) -> None: ...

    def feed(self, outcome: FeedOutcome) -> None: ...

    def phase(self, text: str) -> None: ...

    def note(self, text: str) -> None:
        """A line worth a person's attention that is no feed's outcome (a truncated document)."""

    def close(self) -> None: ...
