"""Prefill mechanics on tiny English and Chinese policies, with a test checklist exercising each rule kind.

A tiny local splitter (lines are paragraphs, "# " lines are headings, sentences end at . ! ? 。！？) keeps
these tests independent of the real segmenter.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from desktop.core.checklist import Checklist, load_checklist
from desktop.core.compiled_rules import compiled
from desktop.core.document import Policy
from desktop.core.prefill import prefill
from desktop.core.segments import Heading, Paragraph, Segmentation, Sentence
from desktop.core.suggestion import Suggestion

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "checklists" / "prefill-mechanics.yaml"
_SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]?")


def split(text: str) -> Segmentation:
    headings: list[Heading] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    path: tuple[str, ...] = ()
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        if line.startswith("# "):
            path = (line[2:],)
            headings.append(Heading(start, start + len(line), 1, line[2:]))
            paragraphs.append(Paragraph(start, start + len(line), "heading", path))
            sentences.append(Sentence(start, start + len(line), len(paragraphs) - 1, path))
            continue
        paragraphs.append(Paragraph(start, start + len(line), "paragraph", path))
        for match in _SENTENCE.finditer(line):
            chunk = match.group()
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                first = start + match.start() + lead
                sentences.append(Sentence(first, first + len(chunk.strip()), len(paragraphs) - 1, path))
    return Segmentation(tuple(headings), tuple(paragraphs), tuple(sentences))


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(FIXTURE)


def run(checklist: Checklist, text: str, item: str) -> Suggestion:
    policy = Policy(text, "test.txt", "txt", hashlib.sha256(text.encode()).hexdigest(), "en")
    return prefill(policy, checklist, segmentation=split(text))[item]


def quote(text: str, suggestion: Suggestion, rank: int = 0) -> str:
    evidence = suggestion.evidence[rank]
    return text[evidence.start : evidence.end]


def test_topic_and_period_in_one_sentence_is_addressed(checklist: Checklist) -> None:
    assert run(checklist, "We retain logs for 6 months.", "t.retention").status == "addressed"


def test_topic_without_period_is_partial(checklist: Checklist) -> None:
    assert run(checklist, "We retain logs.", "t.retention").status == "partial"


def test_no_terms_at_all_is_not_found_and_says_so(checklist: Checklist) -> None:
    suggestion = run(checklist, "Hello world.", "t.retention")
    assert (suggestion.status, suggestion.evidence) == ("not_found", ())
    assert "None of this item's terms" in suggestion.explanation[0]


def test_terms_without_a_rule_met_are_named_in_the_explanation(checklist: Checklist) -> None:
    suggestion = run(checklist, "Our office is in Singapore.", "t.abroad")
    assert suggestion.status == "not_found"
    assert "'Singapore'" in suggestion.explanation[-1]


def test_chinese_topic_and_period_is_addressed(checklist: Checklist) -> None:
    assert run(checklist, "我们将保存您的日志6个月。", "t.retention").status == "addressed"


def test_english_word_boundary_keeps_other_words_out(checklist: Checklist) -> None:
    assert run(checklist, "Our keeper works for 3 years.", "t.retention").status == "not_found"


def test_heading_cue_stands_in_for_the_topic(checklist: Checklist) -> None:
    text = "# How long we hold data\nLogs: 90 days."
    suggestion = run(checklist, text, "t.retention")
    assert suggestion.status == "addressed"
    assert any("Heading cue 'How long'" in line for line in suggestion.explanation)


def test_chinese_heading_cue_stands_in_for_the_topic(checklist: Checklist) -> None:
    assert run(checklist, "# 保存期限\n日志：30天。", "t.retention").status == "addressed"


def test_a_heading_alone_is_never_evidence(checklist: Checklist) -> None:
    suggestion = run(checklist, "# We retain data for 5 years\nNothing else here.", "t.retention")
    assert suggestion.status == "not_found"


def test_clear_negative_statement_addresses_when_the_item_says_so(checklist: Checklist) -> None:
    suggestion = run(checklist, "We do not send your data abroad.", "t.abroad")
    assert suggestion.status == "addressed"
    assert any("Negation 'not' before 'abroad'" in line for line in suggestion.explanation)


def test_chinese_negative_statement_addresses_when_the_item_says_so(checklist: Checklist) -> None:
    assert run(checklist, "我们不会将您的个人信息传输至境外。", "t.abroad").status == "addressed"


def test_affirmative_transfer_without_destination_stays_partial(checklist: Checklist) -> None:
    assert run(checklist, "We may send your data abroad.", "t.abroad").status == "partial"


def test_negation_weakens_addressed_to_partial_when_the_item_says_so(checklist: Checklist) -> None:
    suggestion = run(checklist, "You cannot delete data in settings.", "t.deletion")
    assert suggestion.status == "partial"
    assert any("cannot support 'addressed'" in line for line in suggestion.explanation)


def test_without_negation_the_same_route_is_addressed(checklist: Checklist) -> None:
    assert run(checklist, "You can delete data in settings.", "t.deletion").status == "addressed"


def test_red_flag_downgrades_when_every_addressed_sentence_carries_it(checklist: Checklist) -> None:
    suggestion = run(checklist, "We retain data as long as necessary, at most 2 years.", "t.retention")
    assert suggestion.status == "partial"
    assert suggestion.red_flags == ("as long as necessary",)


def test_red_flag_does_not_downgrade_when_a_clean_sentence_addresses(checklist: Checklist) -> None:
    text = "We retain data as long as necessary, at most 2 years. We keep logs for 30 days."
    suggestion = run(checklist, text, "t.retention")
    assert suggestion.status == "addressed"
    assert suggestion.red_flags == ("as long as necessary",)


def test_chinese_red_flag_is_reported(checklist: Checklist) -> None:
    suggestion = run(checklist, "我们在实现目的所必需的期限内保存您的信息，最长3年。", "t.retention")
    assert (suggestion.status, suggestion.red_flags) == ("partial", ("所必需的期限",))


def test_anywhere_red_flag_downgrades_from_another_sentence(checklist: Checklist) -> None:
    text = "Tick the box to agree.\n# Other\nContinued use of the site means you agree."
    suggestion = run(checklist, text, "t.consent")
    assert suggestion.status == "partial"
    assert suggestion.red_flags == ("Continued use",)


def test_excluded_group_blocks_the_condition(checklist: Checklist) -> None:
    assert run(checklist, "Tick the box to get marketing.", "t.consent").status == "partial"


def test_window_scope_joins_neighbouring_sentences(checklist: Checklist) -> None:
    assert (
        run(checklist, "Acme Ltd runs the app. Email us at help@acme.test.", "t.contact").status
        == "addressed"
    )


def test_window_scope_stops_at_a_section_boundary(checklist: Checklist) -> None:
    text = "Acme Ltd runs the app.\n# Help\nEmail us at help@acme.test."
    assert run(checklist, text, "t.contact").status == "partial"


def test_document_scope_finds_elements_far_apart(checklist: Checklist) -> None:
    text = "Last updated: 1 May.\n# Misc\nSomething.\n# Changes\nWe may update this policy."
    assert run(checklist, text, "t.changes").status == "addressed"


def test_min_sentences_short_of_the_count_is_partial(checklist: Checklist) -> None:
    assert run(checklist, "We encrypt data.", "t.security").status == "partial"


def test_min_sentences_reached_is_addressed(checklist: Checklist) -> None:
    assert run(checklist, "We encrypt data. A firewall guards it.", "t.security").status == "addressed"


def test_evidence_offsets_cut_out_the_sentence(checklist: Checklist) -> None:
    text = "Intro.\nWe retain logs for 6 months. Other text."
    suggestion = run(checklist, text, "t.retention")
    assert quote(text, suggestion) == "We retain logs for 6 months."


def test_evidence_is_ranked_addressed_before_partial(checklist: Checklist) -> None:
    text = "We retain some data. We keep logs for 30 days."
    suggestion = run(checklist, text, "t.retention")
    assert [quote(text, suggestion, rank) for rank in range(2)] == [
        "We keep logs for 30 days.",
        "We retain some data.",
    ]
    assert suggestion.evidence[0].score > suggestion.evidence[1].score


def test_a_title_line_ranks_after_a_sentence_that_says_something(checklist: Checklist) -> None:
    text = "三、数据的保存与保留\n我们会保存您的订单信息。"
    suggestion = run(checklist, text, "t.retention")
    ranked = [quote(text, suggestion, rank) for rank in range(2)]
    assert ranked == ["我们会保存您的订单信息。", "三、数据的保存与保留"]


def test_a_title_line_ranks_after_a_sentence_supporting_only_partial(checklist: Checklist) -> None:
    text = "五、日志保存6个月\n我们会保存您的订单信息。"
    suggestion = run(checklist, text, "t.retention")
    assert suggestion.status == "addressed"
    ranked = [quote(text, suggestion, rank) for rank in range(2)]
    assert ranked == ["我们会保存您的订单信息。", "五、日志保存6个月"]


def test_a_how_we_title_with_enumeration_commas_is_a_title(checklist: Checklist) -> None:
    text = "四、我们如何保存、保留您的信息\n我们会保存您的订单信息。"
    suggestion = run(checklist, text, "t.retention")
    assert quote(text, suggestion) == "我们会保存您的订单信息。"


def test_a_list_of_fields_is_no_title(checklist: Checklist) -> None:
    text = "保存记录、保留日志、订单\n我们会保存信息。"
    suggestion = run(checklist, text, "t.retention")
    assert quote(text, suggestion) == "保存记录、保留日志、订单"


def test_a_label_and_value_line_is_no_title(checklist: Checklist) -> None:
    text = "保存与保留：按类别\n我们会保存信息。"
    suggestion = run(checklist, text, "t.retention")
    assert quote(text, suggestion) == "保存与保留：按类别"


def test_repeated_wording_is_shown_once(checklist: Checklist) -> None:
    text = "We retain logs.\nWe  retain logs.\nWe keep notes."
    suggestion = run(checklist, text, "t.retention")
    assert [quote(text, suggestion, rank) for rank in range(len(suggestion.evidence))] == [
        "We retain logs.",
        "We keep notes.",
    ]


def test_evidence_lists_matched_terms_and_section(checklist: Checklist) -> None:
    text = "# Storage\nWe retain logs for 6 months."
    evidence = run(checklist, text, "t.retention").evidence[0]
    assert evidence.matched_terms == ("retain", "6 months")
    assert evidence.section_path == ("Storage",)


def test_explanation_names_the_rule_and_the_terms(checklist: Checklist) -> None:
    suggestion = run(checklist, "We retain logs for 6 months.", "t.retention")
    assert suggestion.explanation[0] == (
        "Addressed rule 1 (topic or heading + period in one sentence) met in 1 sentence; "
        "terms: 'retain', '6 months'."
    )


def test_confidence_is_between_zero_and_one(checklist: Checklist) -> None:
    for text in ("We retain logs for 6 months.", "We retain logs.", "Nothing."):
        assert 0.0 <= run(checklist, text, "t.retention").confidence <= 1.0


def test_suggestions_follow_checklist_order_for_the_frameworks(checklist: Checklist) -> None:
    policy = Policy("Nothing.", "t.txt", "txt", "", "en")
    result = prefill(policy, checklist, ("pipl",), segmentation=split("Nothing."))
    assert list(result) == ["t.retention", "t.abroad", "t.contact", "t.changes", "t.consent", "t.security"]


def test_a_checklist_is_compiled_once(checklist: Checklist) -> None:
    assert compiled(checklist) is compiled(checklist)
