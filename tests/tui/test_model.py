"""What the columns show, from bundles built by hand: rows, repairs, marks in the right cells."""

from __future__ import annotations

from compare.models import (
    AlignmentRow,
    Analysis,
    Article,
    Detail,
    Discrepancy,
    Event,
    EventBundle,
    Mention,
    Sentence,
)
from tui.widgets.marks import Mark, detail_marks, diff_marks, discrepancy_marks, selected_marks
from tui.widgets.model import CompareModel


def article(aid: str, *sentences: str, outlet: str | None = None) -> Article:
    body, spans, pos = "", [], 0
    for n, s in enumerate(sentences):
        if n:
            body += " "
            pos += 1
        spans.append(Sentence(n, pos, pos + len(s), s))
        body += s
        pos += len(s)
    return Article(aid, body, tuple(spans), outlet=outlet or aid.upper(), published="2017-09-26", title=f"title {aid}")


def bundle(articles: list[Article], rows: list[dict[str, int | None]], base: str | None = None,
           details=(), discrepancies=()) -> EventBundle:  # type: ignore[no-untyped-def]
    event = Event("ev-x", "An event", base or articles[0].id, tuple(a.id for a in articles))
    analysis = Analysis("ev-x", tuple(AlignmentRow(n, r) for n, r in enumerate(rows)), tuple(details),
                        tuple(discrepancies))
    return EventBundle(event, tuple(articles), analysis)


A = article("a", "Three died on Monday.", "The general was buried.")
B = article("b", "Three were killed on Monday.", "Extra line.", "The general was buried in Moscow.")


def test_rows_follow_the_stored_alignment():
    model = CompareModel(bundle([A, B], [{"a": 0, "b": 0}, {"a": None, "b": 1}, {"a": 1, "b": 2}]))
    assert model.rows == [(0, 0), (None, 1), (1, 2)]
    assert model.row_of[(1, 2)] == 2
    assert not model.repaired and model.aligned


def test_a_sentence_missing_from_the_alignment_gets_a_row_after_its_predecessor():
    model = CompareModel(bundle([A, B], [{"a": 0, "b": 0}, {"a": 1, "b": 2}]))
    assert model.rows == [(0, 0), (None, 1), (1, 2)]
    assert model.repaired


def test_cells_naming_unknown_articles_or_sentences_are_dropped():
    model = CompareModel(bundle([A, B], [{"a": 0, "b": 0, "gone": 3}, {"a": 7, "b": 1}, {"a": 1, "b": 2}]))
    assert model.rows == [(0, 0), (None, 1), (1, 2)]


def test_an_event_never_analysed_shows_every_sentence():
    model = CompareModel(bundle([A, B], []))
    assert not model.aligned
    assert sorted(model.row_of) == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)]


def test_locate_finds_the_sentence_of_a_body_offset():
    model = CompareModel(bundle([A, B], []))
    assert model.locate("b", B.body.index("Extra")) == (1, 1)
    assert model.locate("nope", 0) is None


def test_diff_results_become_marks_on_their_cells():
    from compare.diff import diff_texts

    model = CompareModel(bundle([A, B], [{"a": 0, "b": 0}, {"a": None, "b": 1}, {"a": 1, "b": 2}]))
    marks = diff_marks(model, 0, diff_texts(model.row_texts(0), "a"))
    changed = [B.sentences[0].text[m.start:m.end] for m in marks[(1, 0)]]
    assert "were killed" in " ".join(changed)
    assert {m.kind for m in marks[(1, 0)]} == {"changed"}
    assert {m.kind for m in marks[(0, 0)]} == {"base-only"}
    assert diff_marks(model, 1, diff_texts(model.row_texts(1), "a")) == {}


def test_mentions_become_marks_in_sentence_offsets():
    start = B.body.index("Moscow")
    mention = Mention("b", start, start + 6, "Moscow", 2)
    model = CompareModel(bundle([A, B], [], details=[Detail("x", "place", "moscow", "Moscow", (mention,))]))
    marks = detail_marks(model, model.bundle.analysis.details)
    (mark,) = marks[(1, 2)]
    assert B.sentences[2].text[mark.start:mark.end] == "Moscow" and mark.kind == "place"


def test_discrepancy_classes_get_marks_and_gutter_symbols():
    m1 = Mention("a", 0, 5, "Three", 0)
    m2 = Mention("b", 0, 5, "Three", 0)
    conflict = Discrepancy("d1", "ev-x", "conflict", "number", "k", "s", "e", mentions=(m1,))
    variant = Discrepancy("d2", "ev-x", "variant", "number", "k", "s", "e", mentions=(m1, m2))
    model = CompareModel(bundle([A, B], [{"a": 0, "b": 0}]))
    marks, gutters = discrepancy_marks(model, [variant, conflict])
    assert gutters[(0, 0)].symbol == "!"  # the conflict outranks the variant on the same sentence
    assert gutters[(1, 0)].symbol == "~"
    assert Mark(0, 5, "conflict") in marks[(0, 0)]
    marks, gutters = selected_marks(model, variant)
    assert set(marks) == {(0, 0), (1, 0)} and gutters[(1, 0)].symbol == "◆"
