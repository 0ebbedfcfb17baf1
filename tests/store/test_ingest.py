"""Ingest into a real SQLite file: cleaning, metadata, manifests, bad input, raw bytes, sanitising.

Every case runs `store.ingest.ingest` on real files in a temporary folder and reads back what the
store holds. Bad input must be refused with one line per file while the rest still goes in.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tomllib
from pathlib import Path

import pytest

from compare.segment import split_sentences
from store.ingest import IngestReport, ingest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures" / "outlets"
ARTICLES = FIXTURES / "articles"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))

FURNITURE = (
    "Support The Moscow Times", "Contribute Today", "support independent reporting", "Sign up",
    "newsletter", "Dear readers", "A Message from", "Read more", "Remind me later", "Privacy Policy",
    "donation", "Not ready to support", "Yuri Smitiuk", "is seen on a car parked",
    "fire rockets towards forces loyal", "stand guard on a central street", "With reporting by",
)
FRENCH = (
    "Les habitants de la vallée ont été évacués mardi après trois jours de pluie, a déclaré le préfet.\n\n"
    "L'eau continuera de monter jusqu'à jeudi, selon le service météorologique.\n"
)
JAPANESE = "川沿いの町に避難指示が出された。\n\n知事は木曜日まで水位が上がり続けると述べた。\n"


def article_rows(db) -> dict[str, dict]:  # type: ignore[no-untyped-def,type-arg]
    """Stored articles by their path relative to the ingested folder (records keep #n / :n)."""
    rows = db.execute(
        """SELECT a.id, a.source, a.title, o.name, a.published, a.url, a.body, a.raw, a.encoding,
                  a.warnings, a.removed FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"""
    ).fetchall()
    keys = ("id", "source", "title", "outlet", "published", "url", "body", "raw", "encoding", "warnings", "removed")
    return {r[1]: dict(zip(keys, r, strict=True)) for r in rows}


def assert_consistent(db) -> None:  # type: ignore[no-untyped-def]
    """Every article is whole: its sentences match its body, it is in exactly one event."""
    for aid, body in db.execute("SELECT id, body FROM articles"):
        stored = db.execute('SELECT idx, start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', [aid]).fetchall()
        assert [(s.idx, s.start, s.end, s.text) for s in split_sentences(body)] == stored
        assert db.execute("SELECT count(*) FROM event_articles WHERE article_id = ?", [aid]).fetchone()[0] == 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def write_files(folder: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


# --- the fixture outlets and the seeds --------------------------------------------------------


def test_fixture_outlets_go_in_clean_with_their_metadata(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    report = ingest(db, [str(folder)])
    assert report.refused == [] and report.warnings == []
    rows = {str(Path(k).relative_to(folder)): v for k, v in article_rows(db).items()}
    assert sorted(rows) == sorted(EXPECTED)
    for key, want in EXPECTED.items():
        name = key.replace("/", "__")
        body = (FIXTURES / "expected" / (name if name.endswith(".txt") else name + ".txt")).read_text(encoding="utf-8")
        row = rows[key]
        assert row["body"] == body.rstrip("\n"), key
        for field in ("title", "outlet", "published"):
            assert row[field] == want.get(field), (key, field)
        if "url" in want:
            assert row["url"] == want["url"]
    assert_consistent(db)


def test_an_outlets_footer_is_recognised_from_articles_already_in_the_store(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = shutil.copytree(ARTICLES / "ledger", tmp_path / "ledger")
    first = ingest(db, [str(folder / "ferry_timetable.txt")])
    # Alone, nothing says the footer is furniture: it is kept.
    assert "Coastline Media Cooperative" in article_rows(db)[first.added[0][1]]["body"]
    ingest(db, [str(folder / "harbour_dredging.txt")])
    later = ingest(db, [str(folder / "school_roof.txt")])
    row = article_rows(db)[later.added[0][1]]
    assert "Coastline Media Cooperative" not in row["body"]
    reasons = {r["reason"] for r in json.loads(row["removed"])}
    assert "repeated in the outlet's other articles" in reasons


def test_seeds_go_in_clean_under_the_right_outlets_and_events(db) -> None:  # type: ignore[no-untyped-def]
    report = ingest(db, [str(SEEDS)])
    assert len(report.added) == 5 and report.refused == [] and report.warnings == []
    rows = {Path(k).name[:3]: v for k, v in article_rows(db).items()}
    assert {k: v["outlet"] for k, v in rows.items()} == {
        "000": "The Moscow Times", "001": "RFE/RL", "002": "The Moscow Times",
        "003": "The Moscow Times", "004": "DEBKA",
    }
    for key, row in rows.items():
        for marker in FURNITURE:
            assert marker.lower() not in row["body"].lower(), (key, marker)
        assert row["raw"] == next(SEEDS.glob(f"{key}_*.txt")).read_bytes()
    assert rows["000"]["body"].startswith("The U.S. played no role in the death")
    assert rows["000"]["body"].endswith("in the northwestern province of Idlib.")
    assert rows["002"]["body"].endswith("the report said.")
    assert rows["003"]["body"].endswith("warned Moscow of “consequences.”")
    assert rows["001"]["body"].endswith("is in its final stages.")
    assert rows["004"]["body"].endswith("the general’s untimely death.")
    event_of = dict(db.execute("SELECT a.source, ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id"))
    by_key = {Path(s).name[:3]: e for s, e in event_of.items()}
    assert by_key["000"] == by_key["001"] == by_key["004"]
    assert len({by_key["000"], by_key["002"], by_key["003"]}) == 3
    titles = dict(db.execute("SELECT id, title FROM events"))
    assert titles[by_key["000"]].startswith("Death of Lt. Gen. Valery Asapov")
    assert_consistent(db)


def test_re_ingesting_the_same_bytes_is_a_no_op(db) -> None:  # type: ignore[no-untyped-def]
    ingest(db, [str(SEEDS)])
    tables = ("articles", "sentences", "events", "event_articles", "line_prints", "outlets")
    before = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    again = ingest(db, [str(SEEDS)])
    assert again.added == [] and len(again.duplicates) == 5 and again.events == []
    assert {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables} == before


# --- encodings: decoded by detection, raw bytes kept -------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "encoding_starts"),
    [
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp125", id="cp1252"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, "cp125", id="latin-1"),
        pytest.param(JAPANESE.encode("shift_jis"), JAPANESE, "cp932", id="shift-jis"),
        pytest.param(FRENCH.encode("utf-16"), FRENCH, "utf-16", id="utf-16 with BOM"),
        pytest.param(FRENCH.encode("utf-16-le"), FRENCH, "utf_16", id="utf-16 without BOM"),
    ],
)
def test_undecodable_bytes_are_decoded_by_detection_and_kept_raw(
    db, tmp_path: Path, raw: bytes, text: str, encoding_starts: str  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(raw)
    report = ingest(db, [str(path)])
    assert len(report.added) == 1
    row = article_rows(db)[str(path)]
    assert row["raw"] == raw  # byte for byte
    assert row["body"] == "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
    assert row["encoding"].startswith(encoding_starts)
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        assert any("not UTF-8" in w and str(path) in w for w in report.warnings)
        assert any("not UTF-8" in w for w in json.loads(row["warnings"]))


def test_mojibake_is_repaired_and_the_raw_bytes_kept(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import ftfy.bad_codecs  # noqa: F401

    clean = "The minister’s “plan” was dropped on Monday, officials in Zürich said.\n"
    raw = clean.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")
    path = tmp_path / "garbled.txt"
    path.write_bytes(raw)
    report = ingest(db, [str(path)])
    row = article_rows(db)[str(path)]
    assert row["body"] == clean.strip() and row["raw"] == raw
    assert any("mojibake" in w for w in report.warnings)


# --- bad input: one line per refused file, the rest still goes in ------------------------------

GOOD = "Harbour reopens after storm\n\nThe harbour reopened on Tuesday after the storm, the port authority said.\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG", id="png bytes"),
        pytest.param("paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf bytes"),
        pytest.param("noise.txt", random.Random(3).randbytes(4096), "binary", id="random bytes"),
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("blank.txt", b" \n\t\n   \n", "whitespace", id="whitespace only"),
        pytest.param("huge.txt", b"word " * (5 * 1024 * 1024 // 5), "--max-size", id="5 MB one line"),
        pytest.param("photo.png", b"\x89PNG\r\n\x1a\n", "not an article type", id="unsupported extension"),
        pytest.param("report.docx", b"PK\x03\x04", "not an article type", id="office extension"),
        pytest.param("nofield.json", b'{"title": "no text here"}', "no text, body or content field", id="json without text"),
        pytest.param("broken.json", b'{"text": "unterminated', "not valid JSON", id="invalid json"),
        pytest.param("legacy.json", "{\"text\": \"caf\xe9\"}".encode("latin-1"), "UTF-8", id="json not utf-8"),
    ],
)
def test_each_bad_file_is_refused_with_one_line_while_the_rest_goes_in(
    db, tmp_path: Path, name: str, content: bytes, reason: str  # type: ignore[no-untyped-def]
) -> None:
    folder = write_files(tmp_path / "in", {"good.txt": GOOD, name: content})
    report = ingest(db, [str(folder)])
    assert [s for _, s in report.added] == [str(folder / "good.txt")]
    [(source, why)] = report.refused
    assert source == str(folder / name)
    assert reason in why and "\n" not in why


def test_the_size_limit_can_be_raised(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.txt"
    path.write_bytes(b"Long report.\n\n" + b"word. " * (600 * 1024 // 6) + b"\n")  # 0.6 MB
    [(_, reason)] = ingest(db, [str(path)], max_bytes=512 * 1024).refused
    assert "the limit is 0.5 MB" in reason
    report = ingest(db, [str(path)], max_bytes=1024 * 1024)
    assert len(report.added) == 1


def test_missing_paths_and_a_manifest_given_as_a_file_are_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = shutil.copytree(SEEDS, tmp_path / "seeds")
    report = ingest(db, [str(tmp_path / "nowhere.txt"), str(folder / "manifest.toml"), str(folder / "002_7863c55bef6bd463.txt")])
    refused = dict(report.refused)
    assert "no such file" in refused[str(tmp_path / "nowhere.txt")]
    assert "a manifest is metadata" in refused[str(folder / "manifest.toml")]
    assert len(report.added) == 1
    # A file named on its own still takes its folder's manifest.
    row = article_rows(db)[str(folder / "002_7863c55bef6bd463.txt")]
    assert row["outlet"] == "The Moscow Times" and row["published"] == "2015-10-21"


def test_a_jsonl_file_with_a_bad_line_keeps_the_good_ones(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        json.dumps({"text": "First record: the mayor said on Monday that the bridge would reopen.", "outlet": "Valley Radio"}),
        "{not json",
        json.dumps({"title": "record without text"}),
        "",
        json.dumps({"body": "Fourth record: police said two people were rescued from the river.", "published": "2023-10-05"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest(db, [str(path)])
    assert sorted(s for _, s in report.added) == [f"{path}:1", f"{path}:5"]
    assert [s for s, _ in report.refused] == [f"{path}:2", f"{path}:3"]
    assert article_rows(db)[f"{path}:5"]["published"] == "2023-10-05"


# --- manifests ---------------------------------------------------------------------------------


def test_a_broken_manifest_is_reported_and_its_files_still_go_in(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_files(tmp_path / "in", {"a.txt": GOOD, "manifest.toml": "[files.\"a.txt\"\noutlet = "})
    report = ingest(db, [str(folder)])
    assert len(report.added) == 1
    assert any("manifest not read" in w for w in report.warnings)
    # Named on its own, the file gets the same warning.
    report = ingest(db, [str(folder / "a.txt")])
    assert any("manifest not read" in w for w in report.warnings)


def test_manifest_problems_are_warnings_not_failures(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manifest = (
        '[files."a.txt"]\noutlet = "Valley Radio"\npublished = "sometime last spring"\n\n'
        '[files."b.txt"]\noutlet = "Valley Radio"\npublished = "2023-13-45"\n\n'
        '[files."gone.txt"]\noutlet = "Valley Radio"\n'
    )
    other = GOOD.replace("Tuesday", "Wednesday")
    folder = write_files(tmp_path / "in", {"a.txt": GOOD, "b.txt": other, "manifest.toml": manifest})
    report = ingest(db, [str(folder)])
    assert len(report.added) == 2 and report.refused == []
    text = "\n".join(report.warnings)
    assert "sometime last spring" in text and "2023-13-45" in text and "not understood" in text
    assert "lists gone.txt, which is not in the folder" in text
    rows = article_rows(db)
    assert rows[str(folder / "a.txt")]["published"] is None
    assert rows[str(folder / "a.txt")]["outlet"] == "Valley Radio"


def test_manifest_events_group_articles_and_name_the_event(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manifest = (
        '[events.floods]\ntitle = "Floods in the Dresna valley"\n\n'
        '[files."a.txt"]\nevent = "floods"\n\n[files."sub/b.txt"]\nevent = "floods"\n'
    )
    other = GOOD.replace("harbour", "ferry port")
    folder = write_files(tmp_path / "in", {"a.txt": GOOD, "sub/b.txt": other, "c.txt": GOOD.replace("storm", "gale"), "manifest.toml": manifest})
    ingest(db, [str(folder)])
    events = db.execute("SELECT e.title, count(*) FROM events e JOIN event_articles ea ON ea.event_id = e.id GROUP BY e.id ORDER BY 2 DESC").fetchall()
    assert events[0] == ("Floods in the Dresna valley", 2)
    assert [n for _, n in events[1:]] == [1]


def test_front_matter_wins_over_the_folder_manifest(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    md = "---\noutlet: The Rail Gazette\ntitle: \"[UPDATED] Night trains\"\npublished: 2024-05-02\n---\n\n# [UPDATED] Night trains\n\nNight trains returned on Thursday, the operator said.\n"
    manifest = '[files."t.md"]\noutlet = "Somebody Else"\nurl = "https://example.org/t"\n'
    folder = write_files(tmp_path / "in", {"t.md": md, "manifest.toml": manifest})
    ingest(db, [str(folder)])
    row = article_rows(db)[str(folder / "t.md")]
    assert (row["outlet"], row["title"], row["published"], row["url"]) == (
        "The Rail Gazette", "[UPDATED] Night trains", "2024-05-02", "https://example.org/t")
    assert row["body"] == "Night trains returned on Thursday, the operator said."


# --- the done-when check: a folder of messy files ----------------------------------------------


def messy_folder(root: Path) -> Path:
    rng = random.Random(11)
    return write_files(root, {
        "good.txt": GOOD,
        "copy-of-good.txt": GOOD,  # same bytes: already present
        "wire.txt": (ARTICLES / "wire_floods.txt").read_bytes(),
        "page.html": (ARTICLES / "storm_page.html").read_bytes(),
        "notes.md": (ARTICLES / "night_trains.md").read_bytes(),
        "records.json": (ARTICLES / "agency_records.json").read_bytes(),
        "feed.jsonl": b'{"text": "Rain eased on Thursday, the weather service said."}\n{oops\n',
        "cp1252.txt": FRENCH.encode("cp1252"),
        "utf16.txt": FRENCH.replace("mardi", "lundi").encode("utf-16-le"),
        "sjis.txt": JAPANESE.encode("shift_jis"),
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "scan.pdf": b"%PDF-1.4\n",
        "renamed-pdf.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        "noise.txt": rng.randbytes(5000),
        "empty.txt": b"",
        "blank.md": b"\n\n   \n",
        "dump.txt": b"x" * (5 * 1024 * 1024 + 10),
        "sheet.xlsx": b"PK\x03\x04",
        "no-text.json": b'{"title": "nothing"}',
        "nested/deeper/late.txt": GOOD.replace("Tuesday", "Friday"),
        "nested/manifest.toml": b"this is = = not toml",
    })


def _file_of(source: str) -> str:
    """The file a source names: records are "file.json#n" and "file.jsonl:n"."""
    if "#" in source:
        return source.rsplit("#", 1)[0]
    head, _, tail = source.rpartition(":")
    return head if head.endswith(".jsonl") and tail.isdigit() else source


def test_ingest_explains_every_file_it_refused_and_loses_none_it_accepted(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = messy_folder(tmp_path / "messy")
    report = ingest(db, [str(folder)])
    files = {str(p) for p in folder.rglob("*") if p.is_file() and p.name != "manifest.toml"}
    accepted = [s for _, s in report.added]
    duplicates = [s for _, s in report.duplicates]
    refused = [s for s, _ in report.refused]
    # Every file is accounted for: accepted, already present, or refused with a reason ...
    assert {_file_of(s) for s in accepted + duplicates + refused} == files
    # ... and each record exactly once.
    assert len(set(accepted + duplicates + refused)) == len(accepted + duplicates + refused)
    assert {str(Path(s).relative_to(folder)) for s in refused} == {
        "photo.png", "scan.pdf", "renamed-pdf.txt", "noise.txt", "empty.txt", "blank.md",
        "dump.txt", "sheet.xlsx", "no-text.json", "feed.jsonl:2",
    }
    for _, reason in report.refused:
        assert reason.strip() and "\n" not in reason
    assert len(duplicates) == 1 and Path(duplicates[0]).name in ("good.txt", "copy-of-good.txt")
    assert any("manifest not read" in w for w in report.warnings)
    # Nothing accepted was lost: each is stored whole, files with their raw bytes.
    rows = article_rows(db)
    assert sorted(rows) == sorted(accepted)
    for source in accepted:
        assert rows[source]["body"].strip()
        if _file_of(source) == source:
            assert rows[source]["raw"] == Path(source).read_bytes()
    assert_consistent(db)
    # A second run adds nothing and refuses the same files for the same reasons.
    again = ingest(db, [str(folder)])
    assert again.added == [] and again.refused == report.refused


# --- sanitising and integrity ------------------------------------------------------------------


def test_control_payloads_are_neutralised_at_ingest(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record = {
        "title": "Title \x1b]0;owned\x07 and \u202eevil",
        "outlet": "Outlet\x9d0;x\x9c",
        "url": "https://example.org/\x1b[2J",
        "text": "A report \x1b]52;c;cm0=\x07 with \x1b[6n, \u2066isolates\u2069, NUL\x00 and a lone \ud800 surrogate, officials said on Monday.",
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(record), encoding="utf-8")  # \ud800 travels as a JSON escape
    report = ingest(db, [str(path)])
    assert len(report.added) == 1
    row = article_rows(db)[str(path)]
    stored = "".join(str(row[k]) for k in ("title", "outlet", "url", "body"))
    for bad in ("\x1b", "\x07", "\x9d", "\x9c", "\u202e", "\u2066", "\u2069", "\x00", "\ud800"):
        assert bad not in stored
    assert "^[]0;owned^G" in row["title"] and "<U+202E>" in row["title"]
    assert "<U+D800>" in row["body"] and "^@" in row["body"] and "^[[6n" in row["body"]
    sentences = db.execute("SELECT text FROM sentences WHERE article_id = ?", [row["id"]]).fetchall()
    assert all("\x1b" not in s[0] for s in sentences)


def test_standard_input_is_sniffed(db) -> None:  # type: ignore[no-untyped-def]
    as_json = json.dumps({"text": "From a pipe: the council said on Monday the road would reopen.", "outlet": "Pipe News"}).encode()
    as_html = (ARTICLES / "storm_page.html").read_bytes()
    as_md = (ARTICLES / "night_trains.md").read_bytes()
    for raw, outlet in ((as_json, "Pipe News"), (as_html, "The Coastal Courier"), (as_md, "The Rail Gazette")):
        report = ingest(db, ["-"], stdin=raw)
        assert len(report.added) == 1, report.refused
        aid = report.added[0][0]
        assert db.execute("SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", [aid]).fetchone()[0] == outlet
    assert ingest(db, ["-"], stdin=b"").refused == [("<stdin>", "empty file")]


def test_shared_quotes_survive_in_a_folder_of_unknown_outlets(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    quote = '"We will not stand by with our arms crossed," the militia said.'
    a = f"Militia accuses army\n\nThe militia said on Saturday that army artillery had shelled its positions.\n\n{quote}\n\nShare\n"
    b = f"Army denies shelling\n\nThe army on Saturday rejected claims that it had fired on militia positions.\n\n{quote}\n\nShare\n"
    folder = write_files(tmp_path / "in", {"a.txt": a, "b.txt": b})
    ingest(db, [str(folder)])
    for row in article_rows(db).values():
        assert quote in row["body"]
        assert "Share" not in row["body"].split("\n\n")  # a label both carry: furniture


def test_each_article_is_all_or_nothing(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import store.ingest

    folder = write_files(tmp_path / "in", {"a.txt": GOOD, "b.txt": GOOD.replace("Tuesday", "Sunday")})
    real_place = store.ingest._place_new
    calls: list[str] = []

    def place_then_fail(db, new, title):  # type: ignore[no-untyped-def]
        calls.append(new.id)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_place(db, new, title)

    monkeypatch.setattr(store.ingest, "_place_new", place_then_fail)
    with pytest.raises(OSError, match="disk full"):
        ingest(db, [str(folder)])
    assert [r[0] for r in db.execute("SELECT id FROM articles")] == [calls[0]]
    for table in ("sentences", "line_prints"):
        orphans = db.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [calls[1]]).fetchone()[0]
        assert orphans == 0
    assert_consistent(db)
    monkeypatch.setattr(store.ingest, "_place_new", real_place)
    report: IngestReport = ingest(db, [str(folder)])  # the next run completes the batch
    assert len(report.added) == 1 and len(report.duplicates) == 1
    assert_consistent(db)


def test_progress_is_reported_per_item(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_files(tmp_path / "in", {f"{n}.txt": GOOD.replace("Tuesday", f"day {n}") for n in range(3)})
    seen: list[int] = []
    ingest(db, [str(folder)], progress=lambda n, _source: seen.append(n))
    assert seen == [1, 2, 3]
    assert os.path.basename(sorted(article_rows(db))[0]) == "0.txt"


def test_a_record_over_the_size_limit_is_refused_with_the_limit_named(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.jsonl"
    small = json.dumps({"text": "A short record, the council said on Monday."})
    path.write_text(json.dumps({"text": "word " * 300_000}) + "\n" + small + "\n", encoding="utf-8")
    report = ingest(db, [str(path)], max_bytes=1024 * 1024)
    assert [s for _, s in report.added] == [f"{path}:2"]
    [(source, reason)] = report.refused
    assert source == f"{path}:1" and "--max-size" in reason
