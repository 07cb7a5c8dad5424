"""framing.lint: house-style findings, quote exemption, positions in the file, formats, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.corpus import Article, load_corpus
from framing.lexicon import LexiconError
from framing.lint import (
    FINDING_COLUMNS,
    Finding,
    escape_data,
    escape_property,
    findings_frame,
    format_findings,
    lint_article,
    lint_articles,
    lint_paths,
    load_style,
    original_column,
)
from tests.conftest import CGTN, CHINA_DAILY, GUARDIAN, MOSCOW_TIMES, RT, SEEDS

# Read off the seed files by hand: each (line, col) holds the word, in the sentence noted.
SEED_FINDINGS = [
    # RT: narration ("Ukraine’s President Vladimir Zelensky suggested ...")
    ("FR006", RT, 5, 135, "Zelensky"),
    # RT: indirect speech ("Russian officials insist any settlement must include Ukraine’s
    # withdrawal from the Donbass regions of Donetsk and Lugansk ...")
    ("FR002", RT, 6, 141, "Donbass"),
    ("FR003", RT, 6, 172, "Lugansk"),
    ("FR006", RT, 7, 9, "Zelensky’s"),  # possessive, narration: "Despite Zelensky’s recent claim"
    ("FR006", RT, 7, 204, "Zelensky"),  # narration: "stating that Zelensky “thinks about ...”"
    ("FR006", MOSCOW_TIMES, 12, 161, "Zelensky"),
    ("FR006", MOSCOW_TIMES, 16, 1, "Zelensky"),
    # CGTN: the outlet's words in a partial row's clause ("Zelenskyy said the talks ... “have
    # not been easy” and that Kiev would like to see faster progress")
    ("FR001", CGTN, 6, 99, "Kiev"),
    # China Daily: narration ("Ukrainian President Volodymyr Zelensky said Russia had exploited")
    ("FR006", CHINA_DAILY, 22, 74, "Zelensky"),
    ("FR006", CHINA_DAILY, 23, 1, "Zelensky"),
    ("FR006", CHINA_DAILY, 24, 120, "Zelensky"),
]
# Peskov's "Kyiv regime": a direct quote (The Moscow Times) and a partial one (China Daily).
QUOTED_SEED_FINDINGS = [
    ("FR007", MOSCOW_TIMES, 11, 106, "Kyiv regime"),
    ("FR007", CHINA_DAILY, 20, 93, "Kyiv regime"),
]


def _key(f: Finding) -> tuple[str, str, int, int, str]:
    return (f.code, Path(f.file).stem, f.line, f.col, f.matched)


def _lint_text(text: str, **options: object) -> list[tuple[str, str, str]]:
    findings = lint_article(Article("a", "inline.txt", text), **options)  # type: ignore[arg-type]
    return [(f.code, f.matched, f.quote_kind) for f in findings]


@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return lint_paths([SEEDS])


# ------------------------------------------------------------------ seeds


def test_seed_findings_are_exactly_the_known_ones(seed_findings: list[Finding]) -> None:
    assert [_key(f) for f in seed_findings] == SEED_FINDINGS


def test_seed_findings_point_at_the_word_in_the_file(seed_findings: list[Finding]) -> None:
    for f in seed_findings:
        line = Path(f.file).read_text(encoding="utf-8").split("\n")[f.line - 1]
        assert line[f.col - 1 : f.col - 1 + len(f.matched)] == f.matched, f
        assert f.located == "char"


def test_the_guardian_follows_the_house_style(seed_findings: list[Finding]) -> None:
    # It writes Kyiv, Donbas and Zelenskyy throughout.
    assert not [f for f in seed_findings if Path(f.file).stem == GUARDIAN]


def test_seed_quotes_are_exempt_unless_included(seed_findings: list[Finding]) -> None:
    assert all(f.quote_kind != "direct" for f in seed_findings)
    # a partial row spans its reported clause: the outlet's own words in it are checked
    # ("stating that Zelensky “thinks about nothing ...”"), the quoted words are not
    partial = [(Path(f.file).stem, f.matched) for f in seed_findings if f.quote_kind == "partial"]
    assert partial == [("000_a221fad5d72e3510", "Zelensky"), ("003_ed7f126b77fc9a2b", "Kiev")]
    included = lint_paths([SEEDS], include_quoted=True)
    assert sorted(map(_key, included)) == sorted(SEED_FINDINGS + QUOTED_SEED_FINDINGS)
    kinds = {Path(f.file).stem: f.quote_kind for f in included if f.code == "FR007"}
    assert kinds == {MOSCOW_TIMES: "direct", CHINA_DAILY: "partial"}


def test_findings_are_sorted_and_tabulated(seed_findings: list[Finding]) -> None:
    keys = [(f.file, f.line, f.col, f.code) for f in seed_findings]
    assert keys == sorted(keys)
    shuffled = list(reversed(load_corpus(SEEDS)))
    assert lint_articles(shuffled) == seed_findings
    df = findings_frame(seed_findings)
    assert tuple(df.columns) == FINDING_COLUMNS and len(df) == len(SEED_FINDINGS)
    assert findings_frame([]).columns.tolist() == list(FINDING_COLUMNS)


# ------------------------------------------------------------------ rules and quotes


@pytest.mark.parametrize(
    ("text", "default", "with_quoted"),
    [
        ("Officials in Kiev said the talks would resume.", ["FR001"], ["FR001"]),
        ("The war changed Kiev's skyline overnight.", ["FR001"], ["FR001"]),
        ("Kyivstar, the mobile operator, restored service in Kyiv.", [], []),
        ("“The Kiev regime has lost its way,” Peskov told reporters.", [], ["FR007"]),
        ('Peskov said fighting would go on "until the Kiev regime decides".', [], ["FR007"]),
        ("Peskov said the Kiev regime must decide.", ["FR007"], ["FR007"]),  # indirect
        ("The Kiev regime rejected the offer.", ["FR007"], ["FR007"]),  # narrator
        ("Shelling hit Kharkov and Odessa; Lugansk was quiet.", ["FR004", "FR005", "FR003"], None),
        ("Zelenskiy met Zelenskyy's advisers.", ["FR006"], None),
    ],
)
def test_rules_and_quote_exemption(
    text: str, default: list[str], with_quoted: list[str] | None
) -> None:
    assert [code for code, _, _ in _lint_text(text)] == default
    if with_quoted is not None:
        assert [code for code, _, _ in _lint_text(text, include_quoted=True)] == with_quoted


def test_possessive_keeps_its_suffix_and_kind_is_reported() -> None:
    assert _lint_text("The war changed Kiev’s skyline.") == [("FR001", "Kiev’s", "")]
    assert _lint_text("Peskov said the Kiev regime must decide.") == [
        ("FR007", "Kiev regime", "indirect")
    ]


def test_custom_style_extends_and_overrides_the_default(tmp_path: Path) -> None:
    style = tmp_path / "house.yaml"
    style.write_text(
        "version: 1\n"
        "extends: default\n"
        "disable: [FR006]\n"
        "exempt_quotes: [direct, partial, unattributed]\n"
        "rules:\n"
        "  - code: FR001\n"
        "    group: capital\n"
        "    prefer: Kiev\n"
        "    flag: [Kyiv]\n"
        "    message: '{matched}: this desk writes Kiev'\n"
        "    suggestion: write Kiev\n"
        "    severity: error\n"
        "    source: Desk memo\n",
        encoding="utf-8",
    )
    text = 'Zelensky visited Kyiv. The so-called "Kiev regime" was mentioned. Donbass too.'
    findings = lint_article(Article("a", "a.txt", text), style=load_style(style))
    assert [(f.code, f.matched, f.severity) for f in findings] == [
        ("FR001", "Kyiv", "error"),
        ("FR002", "Donbass", "warning"),
    ]
    assert findings[0].message == "Kyiv: this desk writes Kiev"
    # without extends the file is the whole style
    style.write_text(style.read_text().replace("extends: default\ndisable: [FR006]\n", ""))
    assert [f.code for f in lint_articles([Article("a", "a.txt", text)], style=style)] == ["FR001"]


@pytest.mark.parametrize(
    ("yaml_text", "where"),
    [
        ("rules: []\n", r"style\.yaml:1: style: missing key 'version'"),
        ("version: 2\nrules: []\n", r"style\.yaml:1: style\.version: unsupported version 2"),
        ("version: 1\nrule: []\n", r"style\.yaml:2: style\.rule: unknown key"),
        (
            "version: 1\nrules:\n  - code: FR001\n    group: capital\n    flag: Kiev\n",
            r"style\.yaml:5: rules\[0\]\.flag: expected a list",
        ),
        (
            "version: 1\nrules:\n  - code: FR001\n    group: capitol\n    flag: [Kiev]\n",
            r"style\.yaml:4: rules\[0\]\.group: unknown group 'capitol'",
        ),
        (
            "version: 1\nrules:\n  - code: FR001\n    group: capital\n    flag:\n      - Kiev\n"
            "      - Kief\n",
            r"style\.yaml:7: rules\[0\]\.flag\[1\]: unknown variant 'Kief' of group 'capital'",
        ),
        (
            "version: 1\nrules:\n  - code: FR001\n    group: capital\n    flag: [Kiev]\n"
            "    mesage: x\n",
            r"style\.yaml:6: rules\[0\]\.mesage: unknown key",
        ),
        (
            "version: 1\nrules:\n  - code: FR001\n    group: capital\n    flag: [Kiev]\n"
            "    message: m\n    suggestion: s\n    source: s\n    severity: fatal\n",
            r"style\.yaml:9: rules\[0\]\.severity: 'fatal'",
        ),
        ("version: 1\nexempt_quotes: [direct, scare]\nrules: []\n", r"style\.yaml:2: .*'scare'"),
        ("version: 1\nrules: [\n", r"style\.yaml:\d+: invalid YAML"),
    ],
)
def test_invalid_style_names_file_line_and_key(tmp_path: Path, yaml_text: str, where: str) -> None:
    path = tmp_path / "style.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(LexiconError, match=where):
        load_style(path)


def test_duplicate_codes_and_doubly_flagged_variants_are_refused(tmp_path: Path) -> None:
    rule = (
        "  - code: {code}\n    group: capital\n    flag: [Kiev]\n"
        "    message: m\n    suggestion: s\n    source: s\n"
    )
    path = tmp_path / "s.yaml"
    path.write_text("version: 1\nrules:\n" + rule.format(code="X1") * 2, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"s\.yaml:9: rules\[1\]\.code: duplicate code 'X1'"):
        load_style(path)
    path.write_text("version: 1\nextends: default\nrules:\n" + rule.format(code="X1"))
    with pytest.raises(LexiconError, match=r"s\.yaml:6: rules\[0\]\.flag: capital/Kiev is also"):
        load_style(path)


# ------------------------------------------------------------------ positions


@pytest.mark.parametrize(
    ("raw", "name", "line", "col"),
    [
        ("Title\n\n   Officials in Kiev met.\n", "a.txt", 3, 17),  # indented line
        ("Title\r\n\r\nOfficials in Kiev met.\r\n", "a.txt", 3, 14),  # CRLF
        ("\ufeffOfficials in Kiev met.\n", "a.txt", 1, 14),  # BOM is not a column
        ("Officials\u200b in Kiev met.\n", "a.txt", 1, 15),  # zero-width space kept in the file
        ("Cafe\u0301 owners in Kiev met.\n", "a.txt", 1, 17),  # decomposed é: NFC shortens
        # hard-wrapped paragraphs: the continuation line is indented
        (
            "The talks in Abu Dhabi\n  went on in Kiev\ntoday.\n\nA second\nparagraph.\n",
            "a.txt",
            2,
            14,
        ),
        ("---\ntitle: T\n---\n# Officials in **Kiev** met\n", "a.md", 4, 18),
        ("See [the Kiev office](https://x.example/Kiev) today.\n", "a.md", 1, 10),
    ],
)
def test_positions_are_in_the_original_file(
    tmp_path: Path, raw: str, name: str, line: int, col: int
) -> None:
    path = tmp_path / name
    path.write_bytes(raw.encode("utf-8"))
    (finding,) = lint_paths([path])
    assert (finding.line, finding.col, finding.located) == (line, col, "char")
    original = raw.encode("utf-8").decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    assert original[line - 1][col - 1 : col + 3] == "Kiev"


def test_records_point_at_the_words_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "a", "source": "S", "text": "Kiev is not named here: Kyiv is quiet."},
        {"id": "b", "source": "S", "text": "Officials in Kiev met.\nMore in Donbass and Kiev."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    findings = [f for f in lint_paths([path]) if f.line == 2]
    raw = path.read_text(encoding="utf-8").split("\n")
    assert [(f.code, f.located) for f in findings] == [
        ("FR001", "char"),
        ("FR002", "char"),
        ("FR001", "char"),
    ]
    for f in findings:
        assert raw[f.line - 1][f.col - 1 :].startswith(f.matched)
    assert findings[2].col > findings[0].col  # the second "Kiev" of the record


def test_csv_and_html_findings_point_at_the_words(tmp_path: Path) -> None:
    csv_path = tmp_path / "feed.csv"
    csv_path.write_text(
        'id,source,text\na,S,"Talks went on.\nOfficials in Kiev met, ""said"" one."\n',
        encoding="utf-8",
    )
    html = tmp_path / "page.html"
    body = "<p>" + "The talks went on for a long time in the capital. " * 8 + "</p>"
    html.write_text(
        "<html><head><title>Kiev talks</title></head><body><article>\n"
        f"{body}\n<p>Officials in\n<b>Kiev</b> met on Monday, a spokesman said.</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    (found_csv,) = lint_paths([csv_path])
    assert (found_csv.line, found_csv.col, found_csv.located) == (3, 14, "char")
    (found_html,) = lint_paths([html])
    assert (found_html.line, found_html.col, found_html.located) == (4, 4, "char")


def test_text_changed_since_loading_falls_back_to_the_loaded_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Somebody else's text.\n", encoding="utf-8")
    (finding,) = lint_article(Article("a", str(path), "Intro.\n  Officials in Kiev met."))
    assert (finding.line, finding.col) == (2, 16)


@pytest.mark.parametrize(
    ("loaded", "original", "col", "expected"),
    [
        ("abc", "abc", 1, 1),
        ("Kiev met", "**Kiev** met", 0, 2),
        ("Kiev met", "**Kiev** met", 5, 9),
        ("café Kiev", "cafe\u0301 Kiev", 5, 6),
        ("café Kiev", "cafe\u0301 Kiev", 3, 3),  # the changed character: start of its run
    ],
)
def test_original_column(loaded: str, original: str, col: int, expected: int) -> None:
    assert original_column(loaded, original, col) == expected


# ------------------------------------------------------------------ output and CLI


def _finding(**changes: object) -> Finding:
    base = dict.fromkeys(FINDING_COLUMNS, "")
    base.update(file="a.txt", line=3, col=7, code="FR001", severity="warning", start=0, end=4)
    base.update(message='"Kiev": use Kyiv', suggestion="write Kyiv")
    base.update(changes)
    return Finding(**base)  # type: ignore[arg-type]


def test_text_format() -> None:
    assert format_findings([_finding()]) == 'a.txt:3:7: FR001 "Kiev": use Kyiv (write Kyiv)'


def test_github_format_escapes_data_and_properties() -> None:
    f = _finding(file="dir,x/a:b.txt", message="100% wrong\r\nhere", severity="error")
    assert format_findings([f], fmt="github") == (
        "::error file=dir%2Cx/a%3Ab.txt,line=3,col=7,title=FR001::100%25 wrong%0D%0Ahere"
        " (write Kyiv)"
    )
    assert escape_data("a%b\nc:d,e") == "a%25b%0Ac:d,e"
    assert escape_property("a%b\nc:d,e") == "a%25b%0Ac%3Ad%2Ce"
    with pytest.raises(ValueError, match="unknown format"):
        format_findings([f], fmt="json")


def test_cli_exit_status_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Officials in Kiev met.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Officials in Kyiv met.\n", encoding="utf-8")

    assert main(["lint", str(bad)]) == 3
    assert capsys.readouterr().out == f"{bad}:1:14: FR001 " + (
        '"Kiev" is the spelling transliterated from Russian; house style is Kyiv (write Kyiv)\n'
    )
    assert main(["lint", str(bad), "--format", "github"]) == 3
    assert capsys.readouterr().out.startswith(f"::warning file={bad},line=1,col=14,title=FR001::")
    assert main(["lint", str(good)]) == 0
    assert capsys.readouterr().out == ""

    style = tmp_path / "style.yaml"
    style.write_text("version: 1\nrules:\n  - code: FR001\n    grup: capital\n", encoding="utf-8")
    assert main(["lint", str(good), "--style", str(style)]) == 1
    assert f"{style}:4: rules[0].grup: unknown key" in capsys.readouterr().err


def test_cli_lints_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(SEEDS)]) == 3
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SEED_FINDINGS)
    assert lines[7] == (
        f"{SEEDS / CGTN}.txt:6:99: FR001 "
        '"Kiev" is the spelling transliterated from Russian; house style is Kyiv (write Kyiv)'
    )


def test_readme_house_style_example_is_valid(tmp_path: Path) -> None:
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Style check", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "house.yaml"
    path.write_text(block, encoding="utf-8")
    style = load_style(path)
    assert [r.code for r in style.rules] == [
        "FR001",
        "FR002",
        "FR003",
        "FR004",
        "FR005",
        "FR007",
        "FR101",
    ]
