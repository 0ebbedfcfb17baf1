"""The Markdown note: hostile text stays inert, tables parse back into exactly the intended cells,
front matter round-trips through yaml.safe_load, and the same state gives the same bytes."""

from __future__ import annotations

import pytest
import yaml
from markdown_it import MarkdownIt

from compare.models import (
    AlignmentRow,
    Analysis,
    Article,
    AuditEntry,
    Detail,
    Discrepancy,
    Event,
    EventBundle,
    Mention,
    NumberValue,
    Review,
    Sentence,
)
from compare.render.markdown import render_note

HOSTILE = [
    "Breaking: x",
    "[UPDATED]",
    "yes",
    "2024-01-05",
    "#tag",
    "a | b",
    "`code | span`",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "*not bold* _nor this_ ~~nor~~",
    "1. not a list",
    "&amp; &lt;",
]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def text_of(token) -> str:
    """What a reader sees of an inline token: its text, breaks as newlines."""
    return "".join(c.content if c.type in ("text", "code_inline") else "\n" if c.type in ("softbreak", "hardbreak") else ""
                   for c in token.children or [])


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def _article(aid: str, outlet: str, title: str, body: str, published: str | None) -> Article:
    sentences = []
    start = 0
    for n, part in enumerate(body.split("\n\n")):
        sentences.append(Sentence(n, start, start + len(part), part))
        start += len(part) + 2
    return Article(aid, body, tuple(sentences), outlet, title, published, None, f"{aid}.txt")


def bundle(title: str = "Shelling near Kherson", outlet_b: str = "Daily Wire Service", note: str | None = None,
           tags: tuple[str, ...] = (), summary: str = "Death toll differs") -> EventBundle:
    a = _article("aaaaaaaaaaaa", "The Example Times", "Shelling kills three", "At least three people were killed on Monday.\n\nThe mayor spoke.", "2024-03-04")
    b = _article("bbbbbbbbbbbb", outlet_b, "Twelve dead in shelling", "As many as 12 people were killed on Monday.\n\nAn aide spoke.", "2024-03-05")
    ma = Mention(a.id, 0, 14, "At least three", 0, a.sentences[0].text, None, NumberValue(3, None, "at least", "people"))
    mb = Mention(b.id, 0, 13, "As many as 12", 0, b.sentences[0].text, "local officials", NumberValue(None, 12, "as many as", "people"))
    detail = Detail("dt-1", "number", "number:killed", "people killed", (ma, mb))
    disc = Discrepancy("d-1", "ev-aaaaaaaaaaaa", "conflict", "number", "number:killed", summary,
                       "count rule: at least 3 vs at most 12 overlap only if ...", "dt-1", mentions=(ma, mb))
    omission = Discrepancy("d-2", "ev-aaaaaaaaaaaa", "omission", "person", "person:mayor", "Only one account quotes the mayor",
                           "omission rule", None, mentions=(Mention(a.id, 4, 9, "mayor", 1, a.sentences[1].text),),
                           missing_from=(b.id,))
    rows = (AlignmentRow(0, {a.id: 0, b.id: 0}), AlignmentRow(1, {a.id: 1, b.id: 1}))
    event = Event("ev-aaaaaaaaaaaa", title, a.id, (a.id, b.id))
    review = Review("d-1", "confirmed", tags, note, 2, "alice", "2024-03-06T10:00:00.000Z", 1)
    audit = {"d-1": (AuditEntry(1, "2024-03-06T10:00:00.000Z", "alice", "review", "d-1", "status",
                                {"status": "open", "version": 0}, {"status": "confirmed", "version": 1}),)}
    return EventBundle(event, (a, b), Analysis(event.id, rows, (detail,), (disc, omission)), {"d-1": review}, audit)


def test_note_has_the_sections_an_analyst_expects():
    text = render_note(bundle(), "2024-03-07T00:00:00Z")
    meta, body = split_front_matter(text)
    assert meta["event"] == "ev-aaaaaaaaaaaa" and meta["outlets"] == ["The Example Times", "Daily Wire Service"]
    assert meta["generated"] == "2024-03-07T00:00:00Z" and meta["reviewers"] == ["alice"]
    for heading in ("# Shelling near Kherson", "## Sources", "## Fact grid", "## Discrepancies", "## Omissions by outlet"):
        assert f"\n{heading}\n" in "\n" + body
    assert "2 accounts" in body and "1 conflict" in body and "1 omission" in body and "1 confirmed" in body
    assert "**Values:** The Example Times: ≥ 3 people; Daily Wire Service: ≤ 12 people" in body
    assert "per local officials" in body
    assert "- **Daily Wire Service** lacks:" in body
    assert "alice status open → confirmed" in body


def test_differing_words_are_bold_when_added_and_struck_when_removed():
    text = render_note(bundle(), "2024-03-07T00:00:00Z")
    tokens = parser().parseInline(
        next(line for line in text.splitlines() if line.startswith("> **Daily Wire Service**"))[2:], {}
    )[0].children
    strong = "".join(t.content for i, t in enumerate(tokens) if t.type == "text" and tokens[i - 1].type == "strong_open")
    struck = "".join(t.content for i, t in enumerate(tokens) if t.type == "text" and tokens[i - 1].type == "s_open")
    assert "As many as 12" in strong and "At least three" in struck


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_values_stay_inert_and_round_trip(hostile):
    text = render_note(bundle(title=hostile, outlet_b=hostile, note=f"{hostile}\n---\n# {hostile}", tags=(hostile.lower(),), summary=hostile),
                       "2024-03-07T00:00:00Z")
    meta, body = split_front_matter(text)
    assert meta["title"] == hostile and hostile in meta["outlets"] and meta["tags"] == [hostile.lower()]
    tokens = parser().parse(body)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "hr", "code_inline", "fence", "code_block"}
    headings = [text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == hostile  # the title, literally
    assert all(not h.startswith(hostile) or h == hostile for h in headings[1:4])
    assert f"# {hostile}" not in headings


def _table_cells(body: str, first_header: str) -> list[list[str]]:
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for t in parser().parse(body):
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(text_of(t))
        elif t.type == "tr_close":
            tables[-1].append(row)
            row = None
    return next(table for table in tables if table[0][0] == first_header)


def test_tables_parse_back_into_exactly_the_intended_cells():
    tricky = "Pipe | and `tick` and\nnewline"
    text = render_note(bundle(outlet_b=tricky), "2024-03-07T00:00:00Z")
    _, body = split_front_matter(text)
    sources = _table_cells(body, "Outlet")
    assert sources[0] == ["Outlet", "Title", "Published", "Address", "Reliability"]
    assert sources[2][0] == "Pipe | and `tick` and newline"
    assert len(sources[2]) == 5
    grid = _table_cells(body, "Detail")
    assert grid[0] == ["Detail", "The Example Times", "Pipe | and `tick` and newline"]
    assert grid[1] == ["number: people killed", "At least three (≥ 3 people)", "As many as 12 (≤ 12 people) [per local officials]"]


def test_notes_keep_their_lines_and_stay_text():
    note = "First line\nsecond line | with pipe\n\n---\n<script>x</script>"
    text = render_note(bundle(note=note), "t")
    _, body = split_front_matter(text)
    tokens = parser().parse(body)
    quoted = []
    depth = 0
    for t in tokens:
        depth += t.type == "blockquote_open"
        depth -= t.type == "blockquote_close"
        if depth and t.type == "inline" and ("First line" in t.content or "script" in t.content):
            quoted.append(text_of(t))
    assert quoted[0] == "First line\nsecond line | with pipe"
    assert quoted[1] == "---\n<script>x</script>"


def test_only_filters_by_status_and_with_articles_appends_texts():
    text = render_note(bundle(), "t", only="open")
    assert "Only one account quotes the mayor" in text and "Death toll differs" not in text.split("## Discrepancies")[1]
    assert "This note shows the 1 open one." in text
    full = render_note(bundle(), "t", with_articles=True)
    assert "## Articles" in full and "As many as 12 people were killed on Monday." in full
    with pytest.raises(ValueError):
        render_note(bundle(), "t", only="everything")


def test_same_state_same_bytes():
    assert render_note(bundle(), "2024-03-07T00:00:00Z") == render_note(bundle(), "2024-03-07T00:00:00Z")


def test_the_detail_in_question_is_in_italics_where_no_diff_is_marked():
    text = render_note(bundle(), "t")
    line = next(x for x in text.splitlines() if x.startswith("> **The Example Times (base)**"))
    tokens = parser().parseInline(line[2:], {})[0].children
    emphasised = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "em_open"]
    assert emphasised == ["At least three"]


def test_every_golden_style_line_parses_without_stray_markers():
    text = render_note(bundle(note="*x* and **y**"), "t")
    _, body = split_front_matter(text)
    for token in parser().parse(body):
        if token.type == "inline":
            assert "*" not in text_of(token).replace("*x* and **y**", "") or "\\*" in token.content
