"""Bytes to text: what is refused and why, legacy encodings detected, mojibake repaired.

QUALITY.md items 5 and 6. The store keeps the raw bytes (tests/store/test_ingest.py); here the
pure decoding: one clear reason per refusal, and a warning whenever decoding needed judgement.
"""

from __future__ import annotations

import codecs
import os

import pytest

from compare.decode import DEFAULT_MAX_BYTES, IngestRefusal, decode

FRENCH = (
    "Les habitants de la vallée ont été évacués mardi après trois jours de pluie. "
    "Le préfet a déclaré que l'eau continuerait de monter jusqu'à jeudi. "
    "« Nous demandons à chacun de partir maintenant », a-t-il ajouté. Coût estimé : 300 millions.\n"
)
RUSSIAN = (
    "Жители долины были эвакуированы во вторник после трёх дней дождей. "
    "Губернатор заявил, что вода будет подниматься до четверга.\n"
)
JAPANESE = "火曜日、三日間の大雨の後、川沿いの四つの町に避難指示が出された。知事は木曜日まで水位が上がり続けると述べた。\n"
CURLY = "The minister’s “plan” – a café in Zürich – was dropped on Monday, officials said.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(FRENCH.replace("« ", "“").replace(" »", "”").encode("cp1252"), FRENCH.replace("« ", "“").replace(" »", "”"), id="cp1252"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, id="latin-1"),
        pytest.param("café naïve résumé, he said\n".encode("latin-1"), "café naïve résumé, he said\n", id="short latin-1 (tie broken to cp1252)"),
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, id="cp1251"),
        pytest.param(RUSSIAN.encode("koi8_r"), RUSSIAN, id="koi8-r"),
        pytest.param(JAPANESE.encode("shift_jis"), JAPANESE, id="shift-jis"),
        pytest.param(JAPANESE.encode("euc_jp"), JAPANESE, id="euc-jp"),
        pytest.param(FRENCH.encode("utf-16-le"), FRENCH, id="utf-16-le without BOM"),
        pytest.param(FRENCH.encode("utf-16-be"), FRENCH, id="utf-16-be without BOM"),
    ],
)
def test_legacy_encodings_are_detected_with_a_warning(raw: bytes, expected: str) -> None:
    decoded = decode(raw)
    assert decoded.text == expected
    assert decoded.guessed
    assert decoded.warning is not None
    assert "not UTF-8" in decoded.warning and "raw bytes kept" in decoded.warning


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(FRENCH.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(FRENCH.encode("utf-32"), id="utf-32 with BOM"),
        pytest.param(FRENCH.encode("utf-8"), id="utf-8"),
    ],
)
def test_declared_or_valid_unicode_needs_no_warning(raw: bytes) -> None:
    decoded = decode(raw)
    assert decoded.text.lstrip("\ufeff") == FRENCH
    assert not decoded.guessed and decoded.warning is None


def test_mojibake_is_repaired_with_a_warning() -> None:
    # UTF-8 read as Windows-1252 and saved again as UTF-8: "’" became "â€™".
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    garbled = CURLY.encode("utf-8").decode("sloppy-windows-1252")
    assert "â€" in garbled
    decoded = decode(garbled.encode("utf-8"))
    assert decoded.text == CURLY
    assert decoded.repaired
    assert decoded.warning is not None and "mojibake" in decoded.warning


def test_correct_text_with_rare_characters_is_not_repaired() -> None:
    text = "IRMÃ PAULA e JOÃO foram a SÃO PAULO; Ørsted paid €5 in Αθήνα, naïvely, à la carte.\n"
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text and not decoded.repaired


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"  \n\t\r\n  ", "only whitespace", id="whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF", id="pdf"),
        pytest.param(b"PK\x03\x04" + os.urandom(200), "ZIP", id="zip"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(300), "executable", id="elf"),
    ],
)
def test_refusals_say_why_in_one_line(raw: bytes, reason: str) -> None:
    with pytest.raises(IngestRefusal) as caught:
        decode(raw)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message


def test_random_bytes_are_refused_as_binary() -> None:
    rng = __import__("random").Random(7)
    raw = bytes(rng.randrange(256) for _ in range(8192))
    with pytest.raises(IngestRefusal, match="binary"):
        decode(raw)


def test_a_five_megabyte_line_is_refused_over_the_limit_and_the_limit_is_named() -> None:
    raw = b"word " * (5 * 1024 * 1024 // 5)
    with pytest.raises(IngestRefusal) as caught:
        decode(raw)
    message = str(caught.value)
    assert "5.0 MB" in message and "2.0 MB" in message and "--max-size" in message
    # Under a raised limit the same text decodes.
    assert decode(raw, max_bytes=6 * 1024 * 1024).text.startswith("word word")
    assert DEFAULT_MAX_BYTES == 2 * 1024 * 1024
