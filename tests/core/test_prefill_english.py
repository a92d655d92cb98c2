"""English-specific rules of the shipped checklist, on short policies written for these tests.

Each test pairs wording that must count with look-alike wording that must not, so tuning the English rules
against gold labels cannot quietly undo the distinction.
"""

from __future__ import annotations

from desktop.core.checklist import default_checklist
from desktop.core.loading import policy_from_text
from desktop.core.prefill import prefill
from desktop.core.suggestion import Suggestion


def suggest(text: str, item: str) -> Suggestion:
    return prefill(policy_from_text(text), default_checklist())[item]


LEGAL_DEMANDS = """\
Privacy Policy

Disclosure
We may disclose your information when a court order or a request by public authorities requires it.

Disputes
Any dispute about this policy will be settled by arbitration in the city where we are based.
"""

COMPLAINT = """\
Privacy Policy

Your rights
If you are unhappy with how we handle your data, you may lodge a complaint with your local supervisory \
authority.
"""


def test_court_orders_and_arbitration_are_no_complaint_route() -> None:
    assert suggest(LEGAL_DEMANDS, "rights.complaint_authority").status == "not_found"


def test_a_complaint_to_the_supervisory_authority_addresses_the_item() -> None:
    assert suggest(COMPLAINT, "rights.complaint_authority").status == "addressed"


PROCESSORS_HAVE_ACCESS = """\
Privacy Policy

Service providers
We engage other companies to host our app. These companies have access to your personal information only \
to perform these tasks for us.
"""

PERSON_HAS_ACCESS = """\
Privacy Policy

Your rights
You can access and update your personal information at any time from the profile screen.
"""


def test_third_parties_having_access_is_not_the_right_of_access() -> None:
    assert suggest(PROCESSORS_HAVE_ACCESS, "rights.access_copy").status == "not_found"


def test_the_person_accessing_their_own_data_is_found() -> None:
    assert suggest(PERSON_HAS_ACCESS, "rights.access_copy").status != "not_found"


CHANGES_WITHOUT_NOTICE = """\
Privacy Policy

Last updated: 2 February 2025

Changes
We may update this privacy policy from time to time by posting a new version on this page.
"""

CHANGES_WITH_NOTICE = """\
Privacy Policy

Last updated: 2 February 2025

Changes
We may update this privacy policy from time to time. We will notify you of material changes by email \
before they take effect.
"""


def test_a_date_and_a_change_clause_without_notice_is_partial() -> None:
    assert suggest(CHANGES_WITHOUT_NOTICE, "transparency.changes_versioning").status == "partial"


def test_a_date_and_how_changes_are_announced_is_addressed() -> None:
    assert suggest(CHANGES_WITH_NOTICE, "transparency.changes_versioning").status == "addressed"


LISTS_AND_TRANSFERS = """\
Privacy Policy

Information we collect
When the app crashes we collect data about your device. This may include:
Your device name and operating system version
The time and date of the crash

Where your data goes
Your information may be transferred to and kept on computers located outside of your state, province, \
country or other governmental jurisdiction.
"""


def test_data_types_listed_under_a_collection_sentence_are_categories() -> None:
    assert suggest(LISTS_AND_TRANSFERS, "processing.categories").status != "not_found"


def test_storage_outside_the_persons_country_discloses_a_transfer() -> None:
    assert suggest(LISTS_AND_TRANSFERS, "xborder.transfer_disclosed").status == "addressed"


CHILD_DELETION = """\
Privacy Policy

Children
We do not knowingly collect personal information from children under 13. If we learn that we have, we \
will delete the personal information from our servers.
"""


def test_deleting_a_childs_data_collected_by_mistake_is_not_the_right_to_erasure() -> None:
    assert suggest(CHILD_DELETION, "rights.erasure").status == "not_found"


SELL_TO_OTHERS = """\
Privacy Policy

Your information
We never sell or rent the details you give us to others.
"""

USER_SHARES_WITH_OTHERS = """\
Privacy Policy

Your account
Keep your account safe: do not share your password with others.
"""


def test_not_selling_data_to_others_names_the_recipients() -> None:
    assert suggest(SELL_TO_OTHERS, "sharing.third_party_recipients").status != "not_found"


def test_keeping_a_password_from_others_names_no_recipient() -> None:
    assert suggest(USER_SHARES_WITH_OTHERS, "sharing.third_party_recipients").status == "not_found"


BUSINESS_NEED_ENDS = """\
Privacy Policy

How long we keep it
Once we have no ongoing legitimate business need to hold your details, we delete them.
"""


def test_deleting_data_once_no_business_need_remains_invokes_no_legitimate_interest() -> None:
    assert suggest(BUSINESS_NEED_ENDS, "processing.legitimate_interests").status == "not_found"


COMPLIANCE_OFFICER = """\
Privacy Policy

Questions
Write to our Privacy Compliance Officer at privacy@example.org with any request about your data.
"""


def test_a_privacy_compliance_officer_with_an_address_is_the_officer_contact() -> None:
    assert suggest(COMPLIANCE_OFFICER, "identity.pio_dpo_contact").status == "addressed"


PURPOSE_AFTER_THE_DATA = """\
Privacy Policy

Your details
You can give us your name and postal address, which we use to send the prints you order.
"""


def test_data_the_company_says_it_uses_to_do_something_states_a_purpose() -> None:
    assert suggest(PURPOSE_AFTER_THE_DATA, "processing.purposes").status != "not_found"


WRONG_DATA_FIXED = """\
Privacy Policy

Keeping it right
If your contact information is wrong, you can fix it from the account page.
"""


def test_a_way_to_fix_wrong_information_is_the_right_to_rectification() -> None:
    assert suggest(WRONG_DATA_FIXED, "rights.rectification").status != "not_found"


KEPT_TEMPORARILY = """\
Privacy Policy

Your drawings
Drawings you make are only temporarily stored on our servers while the export runs.
"""


def test_data_stored_only_temporarily_states_a_limit_on_retention() -> None:
    assert suggest(KEPT_TEMPORARILY, "retention.period").status != "not_found"


PAGES_VISITED = """\
Privacy Policy

What we track
We collect a count of the pages visited by readers of the site.
"""


def test_collecting_the_pages_visited_names_a_category_of_data() -> None:
    assert suggest(PAGES_VISITED, "processing.categories").status != "not_found"


PERSONAL_IDENTIFIABLE = """\
Privacy Policy

Sign-up
When you join the club we collect personal identifiable information from you.
"""


def test_personal_identifiable_information_is_the_personally_identifiable_kind() -> None:
    assert suggest(PERSONAL_IDENTIFIABLE, "processing.categories").status != "not_found"


NOT_DISTRIBUTED = """\
Privacy Policy

Your details
We keep your details to ourselves: we do not distribute them to third parties.
"""


def test_not_distributing_data_to_third_parties_answers_the_recipients_item() -> None:
    assert suggest(NOT_DISTRIBUTED, "sharing.third_party_recipients").status != "not_found"


RELEASED_TO_THE_PUBLIC = """\
Privacy Policy

Directory
The college may release your name and degree to the general public unless you ask us not to.
"""


def test_releasing_data_to_the_general_public_names_a_recipient() -> None:
    assert suggest(RELEASED_TO_THE_PUBLIC, "sharing.third_party_recipients").status != "not_found"


SOCIAL_LOGIN_DEFINED = """\
Privacy Policy

Definitions
Social Login Service refers to any social network website through which a User can log in to the App.
"""

SOCIAL_LOGIN_SOURCE = """\
Privacy Policy

Information from others
If you log in with a social network such as a photo-sharing site, we receive your profile name from it.
"""


def test_a_glossary_entry_for_social_login_names_no_source_of_data() -> None:
    assert suggest(SOCIAL_LOGIN_DEFINED, "processing.source").status == "not_found"


def test_data_received_through_a_social_login_names_its_source() -> None:
    assert suggest(SOCIAL_LOGIN_SOURCE, "processing.source").status != "not_found"


SERVICE_PROVIDER_DEFINED = """\
Privacy Policy

Definitions
Service Provider refers to the firms hired to provide the Service and to help in analyzing how it is used.
"""


def test_a_glossary_entry_for_service_providers_states_no_purpose() -> None:
    assert suggest(SERVICE_PROVIDER_DEFINED, "processing.purposes").status == "not_found"
