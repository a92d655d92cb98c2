"""The shipped checklist's rules on two short policies written for these tests, through the real segmenter.

Only clear-cut cases are asserted, so that tuning the rules against gold labels keeps these true.
"""

from __future__ import annotations

import pytest

from desktop.core.checklist import default_checklist
from desktop.core.loading import policy_from_text
from desktop.core.prefill import prefill
from desktop.core.suggestion import Suggestion

ENGLISH = """\
Privacy Notice

Last updated: 3 March 2025

1. Who we are
Lantern Books Ltd is the controller of your personal data. You can write to privacy@lantern-books.example.

2. How long we keep your data
We retain order records for 6 years after the purchase to meet tax rules.

3. International transfers
We do not transfer your personal data outside the European Economic Area.

4. Your rights
You have the right to access your personal data and to obtain a copy of it by emailing us.
You may withdraw your consent at any time in your account settings; this does not affect processing \
carried out before the withdrawal.
"""

CHINESE = """\
隐私政策

更新日期：2025年3月3日

一、我们如何保存您的个人信息
我们将您的订单信息保存3年，期满后删除或匿名化处理。

二、我们如何共享您的个人信息
我们不会与任何第三方共享您的个人信息。

三、您的权利
您可以在“我的-设置-账号与安全”中注销账号，我们将在15个工作日内完成注销并删除您的个人信息。
"""


@pytest.fixture(scope="module")
def english() -> dict[str, Suggestion]:
    return prefill(policy_from_text(ENGLISH), default_checklist())


@pytest.fixture(scope="module")
def chinese() -> dict[str, Suggestion]:
    return prefill(policy_from_text(CHINESE), default_checklist())


def quote(text: str, suggestion: Suggestion) -> str:
    evidence = suggestion.evidence[0]
    return text[evidence.start : evidence.end]


def test_every_item_of_both_frameworks_gets_a_suggestion(english: dict[str, Suggestion]) -> None:
    assert list(english) == [item.id for item in default_checklist().items]


def test_pipl_review_gets_only_pipl_items() -> None:
    result = prefill(policy_from_text(ENGLISH), default_checklist(), ("pipl",))
    assert "identity.eu_representative" not in result
    assert "identity.cn_representative" in result


def test_english_retention_period_is_addressed_with_its_sentence(english: dict[str, Suggestion]) -> None:
    suggestion = english["retention.period"]
    assert suggestion.status == "addressed"
    assert (
        quote(ENGLISH, suggestion)
        == "We retain order records for 6 years after the purchase to meet tax rules."
    )


def test_english_no_transfer_statement_addresses_the_transfer_item(english: dict[str, Suggestion]) -> None:
    assert english["xborder.transfer_disclosed"].status == "addressed"


def test_english_access_right_with_route_is_addressed(english: dict[str, Suggestion]) -> None:
    assert english["rights.access_copy"].status == "addressed"


def test_english_withdrawal_is_addressed(english: dict[str, Suggestion]) -> None:
    assert english["consent.withdrawal"].status == "addressed"


def test_english_absent_topic_is_not_found(english: dict[str, Suggestion]) -> None:
    assert english["children.dedicated_rules"].status == "not_found"


def test_english_evidence_names_its_matched_terms(english: dict[str, Suggestion]) -> None:
    evidence = english["retention.period"].evidence[0]
    assert {"retain", "6 years"} <= set(evidence.matched_terms)


def test_chinese_retention_period_is_addressed(chinese: dict[str, Suggestion]) -> None:
    suggestion = chinese["retention.period"]
    assert suggestion.status == "addressed"
    assert "保存3年" in quote(CHINESE, suggestion)


def test_chinese_end_of_retention_is_addressed(chinese: dict[str, Suggestion]) -> None:
    assert chinese["retention.end_of_period"].status == "addressed"


def test_chinese_account_deletion_with_time_limit_is_addressed(chinese: dict[str, Suggestion]) -> None:
    assert chinese["rights.account_deletion"].status == "addressed"


def test_chinese_no_sharing_statement_is_found_for_recipients(chinese: dict[str, Suggestion]) -> None:
    assert chinese["sharing.third_party_recipients"].status != "not_found"


def test_chinese_absent_topic_is_not_found(chinese: dict[str, Suggestion]) -> None:
    assert chinese["adm.significant_decisions"].status == "not_found"


def test_chinese_explanation_names_matched_terms(chinese: dict[str, Suggestion]) -> None:
    assert any("'注销账号'" in line for line in chinese["rights.account_deletion"].explanation)


PURPOSES_ZH = """\
我们如何收集和使用您的个人信息

当您使用搜索功能时，我们会收集您的搜索词，用于为您提供搜索结果。
当您登录账号时，我们会使用您的手机号码，以便为您提供登录服务。
当您下单时，我们会收集您的收货地址、联系电话和订单信息。
我们收集这些信息是为了帮助您完成订单支付、配送和售后服务。
"""


def test_chinese_stated_purpose_leads_the_purpose_evidence() -> None:
    policy = policy_from_text(PURPOSES_ZH)
    suggestion = prefill(policy, default_checklist())["processing.purposes"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们收集这些信息是为了")


NOT_CONDITIONAL_ZH = """\
当您使用定位功能时，我们会申请位置权限，如您拒绝提供，将无法使用附近推荐，但不影响您使用其他功能。
当您使用扫码功能时，我们会申请相机权限，如您拒绝提供，将无法扫码，但不影响您使用其他功能。
我们不会以捆绑的方式一揽子收集您的个人信息，也不会因您拒绝同意而拒绝提供服务。
"""


def test_chinese_no_bundling_commitment_leads_the_not_conditional_evidence() -> None:
    policy = policy_from_text(NOT_CONDITIONAL_ZH)
    suggestion = prefill(policy, default_checklist())["consent.not_conditional"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们不会以捆绑的方式")


def test_chinese_policy_saying_what_it_explains_is_published_addressed() -> None:
    policy = policy_from_text("我们将通过本政策向您说明我们如何处理您的个人信息。\n我们重视您的隐私。\n")
    assert prefill(policy, default_checklist())["transparency.published_accessible"].status == "addressed"


CATEGORIES_ZH = """\
当您使用第三方账号登录时，我们会获取您授权的昵称、头像、性别、地区。
设备信息：设备型号、操作系统、IP地址、MAC地址。
当您下单时，我们会收集如下个人信息，包括您的姓名、手机号码、收货地址、订单编号。
"""


def test_chinese_collection_stated_with_its_list_leads_the_categories_evidence() -> None:
    policy = policy_from_text(CATEGORIES_ZH)
    suggestion = prefill(policy, default_checklist())["processing.categories"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("当您下单时")


SDK_POINTER_ZH = """\
我们在分享功能中接入了第三方提供的SDK，该SDK可能收集您的设备信息。
我们在推送功能中接入了第三方推送SDK，该SDK可能收集您的设备标识。
您可以点击链接查看我们接入的SDK。
"""


def test_chinese_pointer_to_the_sdk_list_leads_the_sdk_evidence() -> None:
    policy = policy_from_text(SDK_POINTER_ZH)
    suggestion = prefill(policy, default_checklist())["sharing.sdk_inventory"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("您可以点击链接")


VERIFY_IDENTITY_ZH = """\
我们会收集您的身份证件号码，并采取加密措施保护该信息。
您知悉，我们收集手机号码是为了满足法律法规的网络实名制要求。
"""


def test_chinese_real_name_verification_is_sensitive_necessity_evidence() -> None:
    policy = policy_from_text(VERIFY_IDENTITY_ZH)
    suggestion = prefill(policy, default_checklist())["sensitive.necessity_impact"]
    quotes = [policy.text[e.start : e.end] for e in suggestion.evidence]
    assert any("实名制" in quote for quote in quotes)


USE_YOUR_DATA_ZH = """\
当您注册账号时，我们会收集您的手机号码，用于登录和账号安全。
当您浏览商品时，我们会收集您的浏览记录，用于推荐和统计。
我们将使用您的订单信息来进行支付结算和商品配送。
"""


def test_chinese_use_of_named_data_for_functions_leads_the_purpose_evidence() -> None:
    policy = policy_from_text(USE_YOUR_DATA_ZH)
    suggestion = prefill(policy, default_checklist())["processing.purposes"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们将使用您的订单信息")


TYPEFACE_ZH = """\
本政策概要将向您简要介绍我们如何处理您的个人信息。
请您阅读本政策概要后的正文以了解详细规则。
对与您的权益密切相关的条款，我们已用加粗形式提示，请您特别关注。
"""


def test_chinese_pointed_out_bold_type_leads_the_highlighting_evidence() -> None:
    policy = policy_from_text(TYPEFACE_ZH)
    suggestion = prefill(policy, default_checklist())["transparency.plain_prominent"]
    top = suggestion.evidence[0]
    assert "加粗" in policy.text[top.start : top.end]


COOKIE_PURPOSE_ZH = """\
我们可能会在您的设备上设置 Cookie。
您可以通过浏览器设置清除或拒绝 Cookie。
我们使用 Cookie 主要为了记住您的登录状态。
"""


def test_chinese_cookie_purpose_leads_the_cookie_evidence() -> None:
    policy = policy_from_text(COOKIE_PURPOSE_ZH)
    suggestion = prefill(policy, default_checklist())["tracking.cookies"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们使用 Cookie 主要为了")


DATA_PUT_TO_USE_ZH = """\
当您注册账号时，我们会收集您的手机号码，用于登录。
当您下单时，我们会收集您的收货地址，用于配送。
为了改善服务，我们会收集您的浏览记录。
我们会将您的信息用于身份验证、安全防范和反诈骗监测。
"""


def test_chinese_data_put_to_a_use_without_a_verb_of_use_is_purpose_evidence() -> None:
    policy = policy_from_text(DATA_PUT_TO_USE_ZH)
    suggestion = prefill(policy, default_checklist())["processing.purposes"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们会将您的信息用于")


REPLY_COMMITMENT_ZH = """\
您可以通过客服电话与我们联系。
我们将尽快审核所涉问题，并在验证您的用户身份后尽快回复。
"""


def test_chinese_promise_to_review_and_reply_is_request_procedure_evidence() -> None:
    policy = policy_from_text(REPLY_COMMITMENT_ZH)
    suggestion = prefill(policy, default_checklist())["rights.request_procedure"]
    assert suggestion.status == "partial"
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("我们将尽快审核所涉问题")


def test_chinese_promise_to_review_and_reply_is_complaint_handling_evidence() -> None:
    policy = policy_from_text("如您发现我们违反法律法规的规定，您可以要求我们删除。\n" + REPLY_COMMITMENT_ZH)
    suggestion = prefill(policy, default_checklist())["rights.complaint_channel"]
    quotes = [policy.text[e.start : e.end] for e in suggestion.evidence]
    assert any(quote.startswith("我们将尽快审核所涉问题") for quote in quotes)


NAMED_RECIPIENT_ZH = """\
我们可能会与合作伙伴共享您的个人信息。
为完成配送，我们会向提供物流服务的星河速递有限公司披露订单相关的配送信息。
"""


def test_chinese_recipient_named_by_its_company_leads_the_recipient_evidence() -> None:
    policy = policy_from_text(NAMED_RECIPIENT_ZH)
    suggestion = prefill(policy, default_checklist())["sharing.third_party_recipients"]
    top = suggestion.evidence[0]
    assert "有限公司披露" in policy.text[top.start : top.end]


def test_chinese_record_as_a_noun_is_no_collection() -> None:
    policy = policy_from_text("您可以在设置中删除您的搜索记录、浏览记录和收藏。\n")
    suggestion = prefill(policy, default_checklist())["processing.categories"]
    assert suggestion.status == "not_found"


def test_chinese_record_as_a_verb_is_collection() -> None:
    policy = policy_from_text("我们会记录您的搜索记录和浏览记录。\n")
    suggestion = prefill(policy, default_checklist())["processing.categories"]
    assert suggestion.status != "not_found"


GUARDIAN_SECTION_ZH = """\
隐私政策

一、我们收集的信息
我们会收集您的手机号码。

二、年龄限制和家长/监护人控制
未经监护人同意，我们不会有意收集任何儿童的个人信息。
"""


def test_chinese_section_titled_by_age_or_guardian_is_a_section_on_minors() -> None:
    policy = policy_from_text(GUARDIAN_SECTION_ZH)
    suggestion = prefill(policy, default_checklist())["children.dedicated_rules"]
    assert suggestion.status == "partial"


def test_chinese_device_feature_turned_on_is_permission_evidence() -> None:
    policy = policy_from_text("如您选择开启导入通讯录功能，我们会对联系人的电话号码进行加密。\n")
    suggestion = prefill(policy, default_checklist())["tracking.device_permissions"]
    assert suggestion.status == "partial"


SCOPE_LIST_ZH = """\
本服务适用范围：
星河文档个人版客户端（包括运行在Windows和Android中的客户端）；
"""


def test_chinese_products_listed_under_the_scope_line_are_scope_evidence() -> None:
    policy = policy_from_text(SCOPE_LIST_ZH)
    suggestion = prefill(policy, default_checklist())["transparency.scope"]
    quotes = [policy.text[e.start : e.end] for e in suggestion.evidence]
    assert any(quote.startswith("星河文档个人版客户端") for quote in quotes)


DEFAULT_OFF_ZH = """\
未经您的同意，我们不会超出本政策的范围使用您的信息。
相机、相册和麦克风权限均不会默认开启，只有经过您的单独同意后才会在实现特定功能时使用。
"""


def test_chinese_nothing_switched_on_by_default_is_consent_step_evidence() -> None:
    policy = policy_from_text(DEFAULT_OFF_ZH)
    suggestion = prefill(policy, default_checklist())["consent.informed_voluntary"]
    top = suggestion.evidence[0]
    assert "不会默认开启" in policy.text[top.start : top.end]


def test_chinese_unsubscribing_is_a_marketing_opt_out() -> None:
    policy = policy_from_text("如果您不希望继续收到我们的邮件，可以随时从我们的邮寄名单中退订。\n")
    suggestion = prefill(policy, default_checklist())["rights.object_direct_marketing"]
    assert suggestion.status == "partial"


RESIDUAL_RISK_ZH = """\
我们将采用加密、去标识化等安全措施保护您的个人信息。
我们采用访问控制和权限管理，以保护您的个人信息。
我们定期开展安全培训和审计，以保护您的个人信息。
尽管我们采取了必要的措施，但仍然存在个人信息泄露的风险。
"""


def test_chinese_residual_risk_is_among_the_first_security_evidence() -> None:
    policy = policy_from_text(RESIDUAL_RISK_ZH)
    suggestion = prefill(policy, default_checklist())["security.measures"]
    quotes = [policy.text[e.start : e.end] for e in suggestion.evidence[:3]]
    assert any("仍然存在" in quote for quote in quotes)


TRANSFER_STATED_ZH = """\
我们的部分合作伙伴位于中国境外。
部分服务由境外团队支持。
您理解我们会在全球范围内的关联公司之间传输和处理您的信息。
"""


def test_chinese_transfer_abroad_stated_as_such_leads_the_transfer_evidence() -> None:
    policy = policy_from_text(TRANSFER_STATED_ZH)
    suggestion = prefill(policy, default_checklist())["xborder.transfer_disclosed"]
    top = suggestion.evidence[0]
    assert policy.text[top.start : top.end].startswith("您理解我们会在全球范围内")


def test_chinese_list_of_fields_without_a_verb_is_categories_evidence() -> None:
    policy = policy_from_text("注册数据：您的名字、昵称、手机号码、IP地址和电子邮件地址。\n")
    suggestion = prefill(policy, default_checklist())["processing.categories"]
    assert suggestion.status == "partial"


def test_chinese_other_functions_unaffected_is_only_partial_no_refusal() -> None:
    policy = policy_from_text("如您拒绝提供位置信息，将无法使用附近功能，但不影响您使用其他功能。\n")
    suggestion = prefill(policy, default_checklist())["consent.not_conditional"]
    assert suggestion.status == "partial"


def test_chinese_basic_functions_unaffected_addresses_no_refusal() -> None:
    policy = policy_from_text("如您拒绝提供位置信息，不影响您使用我们的基本功能和其他功能。\n")
    suggestion = prefill(policy, default_checklist())["consent.not_conditional"]
    assert suggestion.status == "addressed"


def test_chinese_stopping_processing_when_erasure_is_impossible_is_no_restriction_right() -> None:
    text = "如技术上难以实现删除，我们将停止处理您的个人信息，而只进行存储。\n"
    suggestion = prefill(policy_from_text(text), default_checklist())["rights.restrict_object"]
    assert suggestion.status == "partial"
