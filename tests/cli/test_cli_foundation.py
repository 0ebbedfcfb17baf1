"""The command line of the foundation: exit codes, clean stdout, the database options, the
maintenance commands and the JSON export, driven in-process through `tui.cli.main` and, where the
bytes on the terminal or a real process matter, through the installed `rashomon` script.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
RASHOMON = Path(sys.executable).with_name("rashomon")
SCHEMA = REPO / "compare" / "schema" / "export-1.json"
CONTROL_BYTES = [b"\x1b", b"\x07", b"\x00", "\u009b".encode(), "\u009d".encode(), "\u202e".encode(), "\u2066".encode()]


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real XDG directories or a database named in the environment."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("RASHOMON_DB", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("RASHOMON_REVIEWER", "tester")


@pytest.fixture
def dbfile(seeded_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "briefs.db"
    shutil.copy(seeded_file, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def shell(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed script in its own process; stdout and stderr as bytes."""
    return subprocess.run([str(RASHOMON), *args], capture_output=True, cwd=str(cwd or REPO), env={**os.environ, **(env or {})})


def one_line_error(err: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("rashomon: error: ")


def article_id(capsys: pytest.CaptureFixture[str], db: Path, prefix: str) -> str:
    """The id of the seed whose file name starts with `prefix` ("000" ...)."""
    code, out, _ = run(capsys, "--db", str(db), "export", "--all", "--format", "json")
    assert code == 0
    for event in json.loads(out)["events"]:
        for article in event["articles"]:
            if Path(article["source"]).name.startswith(prefix):
                return str(article["id"])
    raise AssertionError(prefix)


# --- the basics ---------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, "rashomon 0.1.0\n", "")


@pytest.mark.parametrize("command", [[], ["ingest"], ["events"], ["show"], ["article", "set"], ["article", "delete"],
                                     ["outlet", "grade"], ["export"], ["doctor"], ["backup"]])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0 and "Usage:" in out


def test_failures_are_one_line_on_stderr_and_nothing_on_stdout(capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path) -> None:
    for args in (
        ["--db", str(dbfile), "show", "ffffffffffff"],
        ["--db", str(dbfile), "show", "d-nonesuch"],
        ["--db", str(tmp_path / "no" / "dir" / "x.db"), "events"],
        ["--db", str(dbfile), "export", "ev-nonesuch", "--format", "json"],
        ["--db", str(dbfile), "export", "--format", "json"],
        ["--db", str(tmp_path / "absent.db"), "doctor"],
    ):
        code, out, err = run(capsys, *args)
        assert code == 1, args
        assert out == ""
        one_line_error(err)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "no-such-command")
    assert code == 2 and out == "" and "No such command" in err
    code, _, err = run(capsys, "ingest")
    assert code == 2 and "PATHS" in err


def test_db_before_or_after_the_command(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    _, before, _ = run(capsys, "--db", str(dbfile), "events", "--json")
    _, after, _ = run(capsys, "events", "--db", str(dbfile), "--json")
    assert before == after and len(json.loads(before)) == 3


def test_db_option_then_rashomon_db_then_the_xdg_data_dir(
    capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.db import connect

    empty = tmp_path / "empty.db"
    connect(empty).close()
    monkeypatch.setenv("RASHOMON_DB", str(dbfile))
    assert len(json.loads(run(capsys, "events", "--json")[1])) == 3  # the environment
    assert json.loads(run(capsys, "--db", str(empty), "events", "--json")[1]) == []  # --db wins
    monkeypatch.delenv("RASHOMON_DB")
    default = tmp_path / "xdg_data_home" / "rashomon" / "rashomon.db"
    code, out, err = run(capsys, "events", "--json")  # the default, not created by a read
    assert code == 1 and out == "" and str(default) in err and not default.exists()
    assert run(capsys, "ingest", str(SEEDS), "--no-analyse")[0] == 0
    assert len(json.loads(run(capsys, "events", "--json")[1])) == 3 and default.exists()


def test_events_json_lists_counts_per_event(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    code, out, err = run(capsys, "--db", str(dbfile), "events", "--json")
    assert code == 0 and err == ""
    events = json.loads(out)
    assert sorted(e["articles"] for e in events) == [1, 1, 3]
    for event in events:
        assert {"id", "title", "articles", "outlets", "stale", "open", "confirmed", "dismissed", "resolved"} <= set(event)
        assert event["id"].startswith("ev-") and event["stale"] is False
    asapov = next(e for e in events if e["articles"] == 3)
    assert sorted(asapov["outlets"]) == ["DEBKA", "RFE/RL", "The Moscow Times"]


def test_an_empty_database_says_how_to_start_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from store.db import connect

    connect(tmp_path / "new.db").close()
    code, out, err = run(capsys, "--db", str(tmp_path / "new.db"), "events")
    assert code == 0 and out == "" and "rashomon ingest" in err


def test_a_mistyped_db_path_is_an_error_not_a_new_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for command in (["events"], ["show", "abc"], ["discrepancies", "ev-x"], ["export", "--all"], ["analyse"]):
        code, out, err = run(capsys, "--db", str(tmp_path / "typo.db"), *command)
        assert code == 1 and out == "" and "no database at" in err, command
    assert not (tmp_path / "typo.db").exists()


# --- ingest on the command line ----------------------------------------------------------------


def test_ingest_keeps_stdout_clean_and_reports_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out, err = run(capsys, "--db", db, "ingest", str(SEEDS), "--no-analyse")
    assert code == 0 and out == ""
    assert "ingested 5 article(s)" in err
    code, out, err = run(capsys, "--db", db, "ingest", str(SEEDS), "--json")
    assert code == 0
    report = json.loads(out)  # stdout is nothing but the JSON report
    assert report["added"] == [] and len(report["duplicates"]) == 5
    assert "already present" in err


def test_ingest_of_nothing_usable_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "--db", str(tmp_path / "x.db"), "ingest", str(empty), str(tmp_path / "missing.txt"))
    assert code == 1 and out == ""
    assert f"refused {empty}: empty file" in err
    assert f"refused {tmp_path / 'missing.txt'}: no such file or folder" in err


def test_a_new_user_on_a_folder_of_messy_files(tmp_path: Path) -> None:
    """Each refused file is named on its own line with why; every accepted one is in the store."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "wire.txt").write_bytes((REPO / "tests/fixtures/outlets/articles/wire_floods.txt").read_bytes())
    (folder / "old-windows.txt").write_bytes("Le préfet a déclaré mardi que l'eau monterait encore.\n".encode("cp1252"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (folder / "photo-renamed.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (folder / "empty.md").write_bytes(b"")
    (folder / "feed.jsonl").write_text('{"text": "The bridge reopened on Monday, officials said."}\n{bad\n', encoding="utf-8")
    db = tmp_path / "new.db"
    done = shell("--db", str(db), "ingest", str(folder), "--json", env={"XDG_STATE_HOME": str(tmp_path / "state")})
    assert done.returncode == 0
    report = json.loads(done.stdout)
    stderr = done.stderr.decode()
    refused_lines = [line for line in stderr.splitlines() if line.startswith("rashomon: refused ")]
    assert len(refused_lines) == len(report["refused"]) == 4
    for item in report["refused"]:
        assert f"rashomon: refused {item['source']}: {item['reason']}" in refused_lines
    assert any("decoded as" in line and "old-windows.txt" in line for line in stderr.splitlines())
    conn = sqlite3.connect(str(db))
    stored = {row[0] for row in conn.execute("SELECT source FROM articles")}
    conn.close()
    assert stored == {a["source"] for a in report["added"]}
    assert len(stored) == 3


# --- untrusted text on the terminal ------------------------------------------------------------


def poisoned(dbfile: Path) -> str:
    """Write control payloads straight into the file, as another tool might; returns the article id."""
    conn = sqlite3.connect(str(dbfile))
    aid = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute(
        "UPDATE articles SET title = ?, body = body || ?, source = ? WHERE id = ?",
        ["Title \x1b]0;owned\x07 \u202eevil", "\n\nTail \x1b[2J\x9b31m\x9d0;x\x9c \u2066iso\u2069 nul\x00.", "file\x1b[6n.txt", aid],
    )
    conn.execute("UPDATE events SET title = ? WHERE id IN (SELECT event_id FROM event_articles WHERE article_id = ?)",
                 ["Event \x1b]52;c;cm0=\x07 \u202etitle", aid])
    conn.execute("UPDATE outlets SET name = name || ? WHERE id = (SELECT outlet_id FROM articles WHERE id = ?)", ["\x1b[31m", aid])
    conn.commit()
    conn.close()
    return str(aid)


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_show_and_events_never_write_control_bytes(dbfile: Path, tmp_path: Path, as_json: bool) -> None:
    aid = poisoned(dbfile)
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    flag = ["--json"] if as_json else []
    for args in (["show", aid, *flag], ["events", *flag]):
        done = shell("--db", str(dbfile), *args, env=env)
        assert done.returncode == 0, done.stderr
        for bad in CONTROL_BYTES:
            assert bad not in done.stdout, (args, bad)
            assert bad not in done.stderr, (args, bad)
        if as_json:
            json.loads(done.stdout)  # still valid JSON, the controls escaped
    shown = shell("--db", str(dbfile), "show", aid, env=env).stdout.decode()
    assert "^[]0;owned^G" in shown and "<U+202E>" in shown and "^[[2J" in shown and "<U+009B>" in shown


# --- corrections -------------------------------------------------------------------------------


def test_article_set_audits_and_makes_the_event_stale(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    aid = article_id(capsys, dbfile, "000")
    code, out, err = run(capsys, "--db", str(dbfile), "article", "set", aid[:6], "--title", "Corrected title",
                         "--published", "2017-09-25", "--outlet", "Moscow Times (print)")
    assert code == 0 and out == "" and "updated" in err
    code, out, _ = run(capsys, "--db", str(dbfile), "show", aid, "--json")
    shown = json.loads(out)
    assert (shown["title"], shown["published"], shown["outlet"]) == ("Corrected title", "2017-09-25", "Moscow Times (print)")
    events = json.loads(run(capsys, "--db", str(dbfile), "events", "--json")[1])
    assert next(e for e in events if e["id"] == shown["event"])["stale"] is True
    conn = sqlite3.connect(str(dbfile))
    [(reviewer, before, after)] = conn.execute(
        "SELECT reviewer, before, after FROM audit WHERE entity = 'article' AND entity_id = ? AND action = 'set'", [aid]).fetchall()
    conn.close()
    assert reviewer == "tester"
    assert json.loads(before)["title"] == "U.S. Denies Role in Russian General's Death in Syria"
    assert json.loads(after)["published"] == "2017-09-25"


@pytest.mark.parametrize("bad", ["not a date", "2017-13-45", "31/02/2017"])
def test_article_set_refuses_a_bad_date(capsys: pytest.CaptureFixture[str], dbfile: Path, bad: str) -> None:
    aid = article_id(capsys, dbfile, "002")
    code, out, err = run(capsys, "--db", str(dbfile), "article", "set", aid, "--published", bad)
    assert code == 1 and out == ""
    one_line_error(err)
    assert json.loads(run(capsys, "--db", str(dbfile), "show", aid, "--json")[1])["published"] == "2015-10-21"


def test_article_set_needs_something_to_set(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    code, _, err = run(capsys, "--db", str(dbfile), "article", "set", article_id(capsys, dbfile, "002"))
    assert code == 1 and "nothing to set" in err


def test_article_delete_keeps_reviews_and_the_audit_keeps_its_metadata(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    aid = article_id(capsys, dbfile, "001")
    event = json.loads(run(capsys, "--db", str(dbfile), "show", aid, "--json")[1])["event"]
    conn = sqlite3.connect(str(dbfile))
    conn.execute("INSERT INTO reviews (discrepancy_id, event_id, status, tags, note) VALUES ('d-handmade', ?, 'confirmed', '[\"checked\"]', 'kept')", [event])
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", str(dbfile), "article", "delete", aid)
    assert code == 0 and out == "" and "deleted" in err
    code, _, err = run(capsys, "--db", str(dbfile), "show", aid)
    assert code == 1
    conn = sqlite3.connect(str(dbfile))
    assert conn.execute("SELECT status, note FROM reviews WHERE discrepancy_id = 'd-handmade'").fetchone() == ("confirmed", "kept")
    [(before,)] = conn.execute("SELECT before FROM audit WHERE entity_id = ? AND action = 'delete'", [aid]).fetchall()
    assert conn.execute("SELECT count(*) FROM sentences WHERE article_id = ?", [aid]).fetchone()[0] == 0
    members = conn.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [event]).fetchone()[0]
    conn.close()
    assert json.loads(before)["outlet"] == "RFE/RL" and json.loads(before)["event"] == event
    assert members == 2


def test_deleting_the_last_article_of_an_event_removes_the_event(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    aid = article_id(capsys, dbfile, "003")
    assert run(capsys, "--db", str(dbfile), "article", "delete", aid)[0] == 0
    assert sorted(e["articles"] for e in json.loads(run(capsys, "--db", str(dbfile), "events", "--json")[1])) == [1, 3]


def test_outlet_grade(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    code, out, err = run(capsys, "--db", str(dbfile), "outlet", "grade", "the moscow times", "b")
    assert code == 0 and out == "" and "reliability B" in err
    code, out, _ = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")
    grades = {a["outlet"]: a["reliability"] for e in json.loads(out)["events"] for a in e["articles"]}
    assert grades == {"The Moscow Times": "B", "RFE/RL": None, "DEBKA": None}
    code, _, err = run(capsys, "--db", str(dbfile), "outlet", "grade", "Nobody Weekly", "A")
    assert code == 1
    one_line_error(err)
    code, _, err = run(capsys, "--db", str(dbfile), "outlet", "grade", "DEBKA", "Z")
    assert code == 2 and "Z" in err


# --- maintenance -------------------------------------------------------------------------------


def test_doctor_reports_and_exits_0_when_nothing_must_be_fixed(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    code, out, _ = run(capsys, "--db", str(dbfile), "doctor")
    assert code == 0
    assert "ok    integrity:" in out and "ok    journal:      wal mode" in out and "ok    schema:" in out
    code, out, _ = run(capsys, "--db", str(dbfile), "doctor", "--json")
    report = json.loads(out)
    assert report["database"] == str(dbfile)
    levels = {c["check"]: c["level"] for c in report["checks"]}
    assert levels["integrity"] == levels["schema"] == levels["journal"] == levels["foreign keys"] == "ok"
    assert levels["shared use"] in ("ok", "warn")
    assert "5 articles, 3 events" in next(c["detail"] for c in report["checks"] if c["check"] == "contents")


def test_doctor_fails_on_a_newer_schema(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    conn = sqlite3.connect(str(dbfile))
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('rashomon', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(dbfile), "doctor", "--json")
    assert code == 1
    assert {"level": "fail", "check": "schema"}.items() <= next(c for c in json.loads(out)["checks"] if c["check"] == "schema").items()
    code, out, err = run(capsys, "--db", str(dbfile), "events")
    assert code == 1 and "newer rashomon" in err


def test_backup_is_a_database_and_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "copy.db"
    code, _, err = run(capsys, "--db", str(dbfile), "backup", str(target))
    assert code == 1 and "does not exist" in err
    target.parent.mkdir()
    code, out, err = run(capsys, "--db", str(dbfile), "backup", str(target))
    assert code == 0 and out == "" and "backed up" in err
    conn = sqlite3.connect(str(target))
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    before = target.read_bytes()
    code, _, err = run(capsys, "--db", str(dbfile), "backup", str(target))
    assert code == 1 and "--force" in err
    assert target.read_bytes() == before
    code, _, _ = run(capsys, "--db", str(dbfile), "backup", str(target), "--force")
    assert code == 0


# --- export ------------------------------------------------------------------------------------


def test_export_json_validates_against_the_schema(capsys: pytest.CaptureFixture[str], dbfile: Path) -> None:
    import jsonschema

    code, out, err = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert out.endswith("}\n") and document["schema"] == "rashomon/export-1"
    for event in document["events"]:
        for article in event["articles"]:
            for s in article["sentences"]:
                assert 0 <= s["start"] < s["end"] <= len(article["body"])


def test_export_is_deterministic_with_and_without_source_date_epoch(
    capsys: pytest.CaptureFixture[str], dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")[1]
    second = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")[1]
    assert first == second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pinned = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")[1]
    assert json.loads(pinned)["generated_at"] == "2023-11-14T22:13:20Z"
    assert pinned == run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json")[1]
    assert json.loads(pinned)["events"] == json.loads(first)["events"]


def test_export_to_a_file_needs_force_to_replace_it(capsys: pytest.CaptureFixture[str], dbfile: Path, tmp_path: Path) -> None:
    target = tmp_path / "corpus.json"
    code, out, err = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    written = target.read_bytes()
    target.write_text("analyst's own file\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json", "-o", str(target))
    assert code == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "analyst's own file\n"
    code, _, _ = run(capsys, "--db", str(dbfile), "export", "--all", "--format", "json", "-o", str(target), "--force")
    assert code == 0 and target.read_bytes() == written


# --- internal errors and the log ---------------------------------------------------------------


def test_an_internal_error_is_one_line_and_its_traceback_goes_to_the_state_log(dbfile: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(str(dbfile))
    conn.execute("DROP TABLE outlets")  # another tool broke the file in a way nothing expects
    conn.commit()
    conn.close()
    state = tmp_path / "state"
    done = shell("--db", str(dbfile), "events", env={"XDG_STATE_HOME": str(state)})
    assert done.returncode == 1 and done.stdout == b""
    err = done.stderr.decode()
    log = state / "rashomon" / "rashomon.log"
    assert err.splitlines() == [err.strip()]
    assert "internal error" in err and str(log) in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "no such table" in log.read_text(encoding="utf-8")
    verbose = shell("--db", str(dbfile), "-v", "events", env={"XDG_STATE_HOME": str(state)})
    assert verbose.returncode == 1 and b"Traceback" in verbose.stderr


# --- the done-when check -----------------------------------------------------------------------


def test_ingest_the_seeds_then_export_all_as_json(tmp_path: Path) -> None:
    """`rashomon --db x.db ingest seeds/` then `export --all --format json`, as README says."""
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    ingested = shell("--db", "x.db", "ingest", str(SEEDS), env=env, cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr
    exported = shell("--db", "x.db", "export", "--all", "--format", "json", env=env, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    articles = {Path(a["source"]).name[:3]: (a, e["id"]) for e in document["events"] for a in e["articles"]}
    assert {k: a["outlet"] for k, (a, _) in articles.items()} == {
        "000": "The Moscow Times", "001": "RFE/RL", "002": "The Moscow Times", "003": "The Moscow Times", "004": "DEBKA"}
    assert articles["000"][1] == articles["001"][1] == articles["004"][1]
    assert len({articles["000"][1], articles["002"][1], articles["003"][1]}) == 3
    for key, (article, _) in articles.items():
        body = article["body"].lower()
        for marker in ("support the moscow times", "contribute today", "sign up", "newsletter", "dear readers",
                       "read more", "remind me later", "donation", "(yuri smitiuk / tass)", "with reporting by"):
            assert marker not in body, (key, marker)


# --- on a real (pseudo-)terminal ---------------------------------------------------------------


def on_a_terminal(args: list[str], tmp_path: Path, stream: str) -> tuple[bytes, bytes, int]:
    """Run the script with `stream` ("stdout" or "stderr") on a pseudo-terminal, the other piped.

    Returns (what reached the terminal, what went down the pipe, exit code).
    """
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    kwargs = {"stdout": slave, "stderr": subprocess.PIPE} if stream == "stdout" else {"stdout": subprocess.PIPE, "stderr": slave}
    proc = subprocess.Popen([str(RASHOMON), *args], stdin=subprocess.DEVNULL, cwd=str(REPO), env=env, **kwargs)  # type: ignore[call-overload]
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    piped = (proc.stderr if stream == "stdout" else proc.stdout).read()  # type: ignore[union-attr]
    proc.wait()
    return seen, piped, proc.returncode


def test_show_writes_no_control_bytes_to_a_terminal(dbfile: Path, tmp_path: Path) -> None:
    aid = poisoned(dbfile)
    seen, _, code = on_a_terminal(["--db", str(dbfile), "show", aid], tmp_path, "stdout")
    assert code == 0
    assert b"^[]0;owned^G" in seen
    for bad in CONTROL_BYTES:
        assert bad not in seen, bad


def test_progress_goes_to_a_terminal_and_never_into_the_pipe(tmp_path: Path) -> None:
    seen, piped, code = on_a_terminal(["--db", str(tmp_path / "x.db"), "ingest", str(SEEDS), "--json", "--no-analyse"], tmp_path, "stderr")
    assert code == 0
    assert b"ingesting" in seen and b"ingested 5 article(s)" in seen
    report = json.loads(piped)  # stdout holds the JSON report and nothing else
    assert len(report["added"]) == 5


def test_max_size_is_an_option_in_megabytes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Long report.\n\n" + b"word. " * (600 * 1024 // 6) + b"\n")  # 0.6 MB
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "ingest", str(big), "--max-size", "0.5")
    assert code == 1 and "the limit is 0.5 MB, raise it with --max-size" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "ingest", str(big), "--max-size", "1", "--no-analyse")
    assert code == 0 and "ingested 1 article(s)" in err
