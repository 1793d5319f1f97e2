"""Proposals made ahead by the helper process (the app, while the scan runs): «Tout appliquer»
writes exactly what the panel shows, whether a proposal was made ahead or not, and a proposal
made for a text, findings or rules that have changed since is never used."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from huisclos.core.detect.detector import Detector
from huisclos.core.exports.reading import read_export
from huisclos.core.review.ahead import MISSING, AheadStore, MadeAhead, ProposalsAhead
from huisclos.core.review.scan import run_scan
from huisclos.core.review.session import ReviewSession
from huisclos.core.rewrite.suggestions import first_suggestion

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo" / "patients-demo.csv"


def reviewed(path: Path) -> ReviewSession:
    """The session as the app has it: the scan made no suggestion (proposals are made when a
    comment is shown, applied, or ahead)."""
    export = read_export(path)
    result = run_scan(export, detector=Detector.default(), suggest=False)
    return ReviewSession.of_scan(export, result)


def wait_for_all(session: ReviewSession, helper: ProposalsAhead, timeout: float = 60) -> None:
    """Gather until the helper has made every proposal asked for."""
    deadline = time.monotonic() + timeout
    while helper.outstanding and time.monotonic() < deadline:
        session._ahead.gather()
        time.sleep(0.02)
    assert helper.outstanding == 0


def test_tout_appliquer_with_proposals_made_ahead_writes_what_the_panel_shows() -> None:
    session = reviewed(DEMO)
    plain = {edit.key: edit.after for edit in reviewed(DEMO).bulk_batch()}
    helper = ProposalsAhead.start(session.detector)
    assert helper is not None
    try:
        keys = session.pending_keys()
        message = session.propose_ahead(helper, keys)
        assert message is not None
        helper.send(message)
        wait_for_all(session, helper)
        made = {key for key in keys if session._ahead._made.get(key) is not None}
        assert made == set(keys)  # every proposal came from the helper
        edited = {edit.key: edit.after for edit in session.bulk_batch()}
    finally:
        helper.close()
    assert edited == plain
    for key in keys:
        shown = session.suggestions(key)
        if shown and shown[0].text != session.text(key):
            assert edited[key] == shown[0].text


def made(key, text: str, findings: tuple, proposal: str) -> MadeAhead:  # type: ignore[no-untyped-def]
    return MadeAhead(key, text, findings, proposal, ())


class FakeHelper:
    """Stands for the helper process: hands over what a test says it made."""

    def __init__(self, detector: Detector) -> None:
        self.detector = detector
        self.outbox: list[MadeAhead] = []

    def wire(self, cells):  # type: ignore[no-untyped-def]
        return b"asked"

    def collect(self) -> list[MadeAhead]:
        out, self.outbox = self.outbox, []
        return out


def test_a_proposal_made_for_another_text_findings_or_rules_is_not_used(tmp_path: Path) -> None:
    session = reviewed(DEMO)
    key = session.pending_keys()[0]
    text, findings = session.text(key), tuple(session.findings(key))
    helper = FakeHelper(session.detector)
    store = AheadStore()
    store.ask(helper, session.detector, [(key, text, findings)])  # type: ignore[arg-type]
    helper.outbox = [made(key, text, findings, "proposition faite à l'avance")]
    store.gather()
    assert store.proposal(key, text, findings, session.detector) == "proposition faite à l'avance"
    assert store.proposal(key, text + " !", findings, session.detector) is MISSING
    assert store.proposal(key, text, findings[:-1], session.detector) is MISSING
    other = Detector(session.detector.lexicon, ("un terme autorisé",))
    assert store.proposal(key, text, findings, other) is MISSING


def test_the_session_uses_a_proposal_made_ahead_only_while_the_comment_is_as_it_was() -> None:
    session = reviewed(DEMO)
    first, second = session.pending_keys()[:2]
    helper = FakeHelper(session.detector)
    session.propose_ahead(helper, [first, second])  # type: ignore[arg-type]
    sent = {key: (session.text(key), tuple(session.findings(key))) for key in (first, second)}
    helper.outbox = [made(key, *sent[key], f"faite à l'avance {key[1]}") for key in sent]
    # the second comment is rewritten by hand before «Tout appliquer»
    session.apply(session.manual_batch(second, "séropositif, RDV le matin"))
    expected_second = session.proposal(second)
    edited = {edit.key: edit.after for edit in session.bulk_batch()}
    assert edited[first] == f"faite à l'avance {first[1]}"
    assert edited[second] == expected_second != f"faite à l'avance {second[1]}"
    # new rules (a term allowed): nothing made ahead is used any more
    session.set_detector(Detector(session.detector.lexicon, ("un terme autorisé",)))
    assert session.proposal(first) != f"faite à l'avance {first[1]}"


@pytest.mark.parametrize("gone", ["closed", "working"])
def test_a_helper_that_is_gone_changes_nothing(gone: str) -> None:
    session = reviewed(DEMO)
    plain = {edit.key: edit.after for edit in reviewed(DEMO).bulk_batch()}
    helper = ProposalsAhead.start(session.detector)
    assert helper is not None
    message = session.propose_ahead(helper, session.pending_keys())
    assert message is not None
    if gone == "closed":
        helper.close()
        helper.send(message)  # refused quietly
    else:
        helper.send(message)
    try:
        assert {edit.key: edit.after for edit in session.bulk_batch()} == plain
    finally:
        helper.close()


def test_a_comment_asked_for_again_takes_only_the_answer_to_its_last_request() -> None:
    """A new scan with other settings asks again for a comment whose first answer is still on
    its way: that answer, made from the former findings, is never taken for the new ones."""
    session = reviewed(DEMO)
    detector = session.detector
    text = findings = before = after = None
    for key in session.pending_keys():
        text, findings = session.text(key), session.findings(key)
        first = [f for f in findings if f.category == findings[0].category]
        before = first_suggestion(text, findings, detector=detector)
        after = first_suggestion(text, first, detector=detector)
        if before != after:
            break
    assert before != after, "the demo has a comment flagged for two categories"
    helper = ProposalsAhead.start(detector)
    assert helper is not None
    try:
        for asked in (findings, first):  # the first scan, then one category only
            message = helper.wire([(key, text, asked)])
            assert message is not None
            helper.send(message)
        deadline = time.monotonic() + 60
        made: list[MadeAhead] = []
        while helper.outstanding and time.monotonic() < deadline:
            made += helper.collect()
            time.sleep(0.02)
    finally:
        helper.close()
    assert [(item.findings, item.proposal) for item in made] == [(tuple(first), after)]
