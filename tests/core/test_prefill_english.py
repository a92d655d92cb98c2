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


STORED_IN_A_NAMED_COUNTRY = """\
Privacy Policy

Storage
The data you give us is stored on servers located in Canada.
"""

STORED_IN_UNNAMED_COUNTRIES = """\
Privacy Policy

Storage
The data you give us is stored on servers located in several countries where our hosts operate.
"""

STORED_IN_A_COUNTRY_OR_ANY_OTHER = """\
Privacy Policy

Storage
The data you give us is stored in Canada or in any other country where our hosts have facilities.
"""


def test_storage_in_a_named_country_addresses_the_location() -> None:
    assert suggest(STORED_IN_A_NAMED_COUNTRY, "retention.storage_location").status == "addressed"


def test_storage_in_unnamed_countries_is_partial() -> None:
    assert suggest(STORED_IN_UNNAMED_COUNTRIES, "retention.storage_location").status == "partial"


def test_a_named_country_or_any_other_country_is_partial() -> None:
    assert suggest(STORED_IN_A_COUNTRY_OR_ANY_OTHER, "retention.storage_location").status == "partial"


COOKIES_IN_A_LIST = """\
Privacy Policy

Sharing
We may share the data we hold, including but not limited to data read from cookies, with our affiliates.
"""

NO_COOKIES = """\
Privacy Policy

Cookies
Our app does not place cookies on your device.
"""


def test_not_limited_to_is_no_negation() -> None:
    assert suggest(COOKIES_IN_A_LIST, "tracking.cookies").status == "partial"


def test_a_clear_no_still_addresses_the_cookie_item() -> None:
    assert suggest(NO_COOKIES, "tracking.cookies").status == "addressed"


SUCCESSOR_BOUND = """\
Privacy Policy

Business transfers
If our company is merged with another, your data may pass to the successor, which must keep to this policy.
"""

SUCCESSOR_NOTICE = """\
Privacy Policy

Business transfers
If our company is merged with another, we will notify you before your data passes to the new owner.
"""


def test_a_successor_bound_by_the_policy_without_notice_is_partial() -> None:
    assert suggest(SUCCESSOR_BOUND, "sharing.corporate_transaction").status == "partial"


def test_notice_before_the_data_passes_addresses_the_merger_item() -> None:
    assert suggest(SUCCESSOR_NOTICE, "sharing.corporate_transaction").status == "addressed"


ADS_FROM_ACTIVITY = """\
Privacy Policy

Advertising
Our partners may show you ads on other sites based on your activity in our app.
"""

ADS_ON_THE_SITE = """\
Privacy Policy

Advertising
Our site shows ads for our own products on its home page.
"""


def test_ads_chosen_from_the_persons_activity_are_personalisation() -> None:
    assert suggest(ADS_FROM_ACTIVITY, "adm.personalised_push_optout").status == "partial"


def test_ads_not_chosen_from_the_person_are_no_personalisation() -> None:
    assert suggest(ADS_ON_THE_SITE, "adm.personalised_push_optout").status == "not_found"


PARTS_STOP_WORKING = """\
Privacy Policy

Cookies
You can switch cookies off in your browser, but some pages of our site may not work properly without them.
"""

CORE_FEATURES_UNCHANGED = """\
Privacy Policy

About us
Our new owner will keep the core features of the app as they are today.
"""

CORE_FEATURES_KEPT_ON_REFUSAL = """\
Privacy Policy

Your choices
If you decline the optional analytics, the core features of the app stay available to you.
"""


def test_parts_not_working_after_a_refusal_is_partial() -> None:
    assert suggest(PARTS_STOP_WORKING, "consent.not_conditional").status == "partial"


def test_core_features_named_without_a_refusal_promise_nothing() -> None:
    assert suggest(CORE_FEATURES_UNCHANGED, "consent.not_conditional").status == "not_found"


def test_core_features_kept_when_the_person_declines_address_the_item() -> None:
    assert suggest(CORE_FEATURES_KEPT_ON_REFUSAL, "consent.not_conditional").status == "addressed"


COMPLIANCE_REVIEWED = """\
Privacy Policy

Accountability
We review our compliance with this policy every year.
"""


def test_a_review_of_compliance_is_a_passing_audit_mention() -> None:
    assert suggest(COMPLIANCE_REVIEWED, "security.impact_assessment_audit").status == "partial"


PRIVACY_OFFICE = """\
Privacy Policy

Contact
You can contact our privacy office by post at the address below.
"""


def test_a_privacy_office_to_contact_is_a_partial_complaint_channel() -> None:
    assert suggest(PRIVACY_OFFICE, "rights.complaint_channel").status == "partial"


KEPT_AFTER_CLOSURE = """\
Privacy Policy

Keeping data
After you close your account we may keep your messages for a short while for backups.
"""


def test_data_kept_after_the_account_is_closed_is_partial_end_of_retention() -> None:
    assert suggest(KEPT_AFTER_CLOSURE, "retention.end_of_period").status == "partial"


COOKIE_EXPIRES = """\
Privacy Policy

Cookies
Our session cookie expires when you close the browser.
"""


def test_a_cookie_that_expires_is_no_end_of_retention() -> None:
    assert suggest(COOKIE_EXPIRES, "retention.end_of_period").status == "not_found"


POSTS_KEPT_AFTER_DELETION = """\
Privacy Policy

Your account
Your public posts are not deleted and stay visible after your account is deleted.
"""


def test_data_not_deleted_after_account_deletion_cannot_address_the_item() -> None:
    assert suggest(POSTS_KEPT_AFTER_DELETION, "rights.account_deletion").status == "partial"


ONE_PERMISSION = """\
Privacy Policy

Location
The app reads your location to show nearby shops. You can switch this off in the settings of your device.
"""

PERMISSIONS_LISTED = """\
Privacy Policy

Permissions
The app asks for permission to use your camera, microphone and contacts when you first use a feature that \
needs them. You can revoke each permission in the settings of your device.
"""


def test_one_device_setting_is_partial() -> None:
    assert suggest(ONE_PERMISSION, "tracking.device_permissions").status == "partial"


def test_listed_permissions_with_a_revoke_route_address_the_item() -> None:
    assert suggest(PERMISSIONS_LISTED, "tracking.device_permissions").status == "addressed"


UNDER_AGE_EXCLUDED = """\
Privacy Policy

Age
Our service is not intended for persons under the age of 16, and we do not knowingly collect their data.
"""


def test_keeping_out_people_under_an_age_addresses_the_age_threshold() -> None:
    assert suggest(UNDER_AGE_EXCLUDED, "children.age_guardian_consent").status == "addressed"


SCOPE_WITH_OTHER_SITES = """\
Privacy Policy

Scope
This statement covers the services we provide to our customers. We are not responsible for the content or \
privacy practices of third-party web sites linked from ours.
"""


def test_other_sites_privacy_practices_disclaimed_complete_the_scope() -> None:
    assert suggest(SCOPE_WITH_OTHER_SITES, "transparency.scope").status == "addressed"


QUESTION_ABOUT_STATEMENT = """\
Privacy Policy

Contact
If you have a question about this privacy statement, please contact our help desk.
"""


def test_a_question_about_the_privacy_statement_is_a_partial_explanation_route() -> None:
    assert suggest(QUESTION_ABOUT_STATEMENT, "rights.explanation_of_rules").status == "partial"


STORE_IN_AND_OUTSIDE = """\
Privacy Policy

Storage
We store your data both in and outside of Canada.
"""

WE_STORE_IN_A_COUNTRY = """\
Privacy Policy

Storage
We store your data in Canada.
"""


def test_storage_in_and_outside_a_country_is_partial() -> None:
    assert suggest(STORE_IN_AND_OUTSIDE, "retention.storage_location").status == "partial"


def test_we_store_in_a_named_country_addresses_the_location() -> None:
    assert suggest(WE_STORE_IN_A_COUNTRY, "retention.storage_location").status == "addressed"


POSTED_IN_PUBLIC_AREAS = """\
Privacy Policy

Community
Anything you post in the public areas of our forum can be read by every visitor.
"""


def test_posting_in_public_areas_is_partial_public_disclosure() -> None:
    assert suggest(POSTED_IN_PUBLIC_AREAS, "sharing.public_disclosure").status == "partial"


PARTNERS_SET_COOKIES = """\
Privacy Policy

Advertising
Our advertising partners set cookies when you read our articles.
"""


def test_partners_setting_cookies_on_the_site_is_partial_embedded_code() -> None:
    assert suggest(PARTNERS_SET_COOKIES, "sharing.sdk_inventory").status == "partial"


PRECISE_LOCATION = """\
Privacy Policy

Photos
When you geotag a photo we keep its latitude and longitude with the picture.
"""


def test_precise_location_among_ordinary_data_is_partial_sensitive_data() -> None:
    assert suggest(PRECISE_LOCATION, "sensitive.identify_highlight").status == "partial"


ID_NUMBER_PURPOSE = """\
Privacy Policy

Identity numbers
We ask for your passport number only in order to check your identity when you book a trip.
"""


def test_an_identity_number_with_its_purpose_is_partial_necessity() -> None:
    assert suggest(ID_NUMBER_PURPOSE, "sensitive.necessity_impact").status == "partial"


REQUEST_WITH_TIME = """\
Privacy Policy

Your rights
To exercise your rights, write to us at the address below. We will answer within 30 days.
"""

REQUEST_WITH_TIME_AND_CHECK = """\
Privacy Policy

Your rights
To exercise your rights, write to us at the address below. We will verify your identity and answer within \
30 days, free of charge.
"""


def test_a_channel_and_a_time_without_identity_check_or_fee_is_partial() -> None:
    assert suggest(REQUEST_WITH_TIME, "rights.request_procedure").status == "partial"


def test_a_channel_a_time_and_an_identity_check_address_the_procedure() -> None:
    assert suggest(REQUEST_WITH_TIME_AND_CHECK, "rights.request_procedure").status == "addressed"


ACCOUNT_SUSPENDED = """\
Privacy Policy

Misuse
If you break our rules we may suspend or terminate your account without notice.
"""


def test_the_company_suspending_an_account_is_no_closure_route() -> None:
    assert suggest(ACCOUNT_SUSPENDED, "rights.account_deletion").status == "not_found"


HELPERS_BOUND = """\
Privacy Policy

Sharing
Companies that assist us in delivering orders must keep your information confidential.
"""


def test_companies_that_assist_us_under_confidentiality_address_processors() -> None:
    assert suggest(HELPERS_BOUND, "sharing.processors").status == "addressed"


DEEMED_AGREEMENT = """\
Privacy Policy

Transfers
If you live abroad, you understand and agree that we may move your data to our home country.
"""


def test_deemed_agreement_names_consent_without_a_step() -> None:
    assert suggest(DEEMED_AGREEMENT, "consent.informed_voluntary").status == "partial"


PROVIDERS_ABROAD = """\
Privacy Policy

Our providers
We work with hosting providers, some of which are located outside the European Union.
"""


def test_providers_located_abroad_is_a_partial_storage_location() -> None:
    assert suggest(PROVIDERS_ABROAD, "retention.storage_location").status == "partial"


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


STORED_WITHOUT_A_PLACE = """\
Privacy Policy

Security
The details you give us are stored in a protected database that only our support staff can open.
"""

KEPT_AT_A_PLACE_OUTSIDE_A_REGION = """\
Privacy Policy

Transfers
Your data may be moved to, and kept at, a destination outside the European Union.
"""


def test_storage_with_no_place_is_not_a_storage_location() -> None:
    assert suggest(STORED_WITHOUT_A_PLACE, "retention.storage_location").status == "not_found"


def test_a_destination_outside_a_region_is_a_partial_storage_location() -> None:
    assert suggest(KEPT_AT_A_PLACE_OUTSIDE_A_REGION, "retention.storage_location").status == "partial"


BROWSE_WITHOUT_PERSONAL_DATA = """\
Privacy Policy

What we collect
Anyone can browse our recipes without submitting personal information to us.
"""

REFUSING_COOKIES_COSTS_A_FEATURE = """\
Privacy Policy

Cookies
If you block cookies, you will not be able to keep items in your basket between visits.
"""


def test_browsing_without_personal_data_is_a_partial_no_refusal_commitment() -> None:
    assert suggest(BROWSE_WITHOUT_PERSONAL_DATA, "consent.not_conditional").status == "partial"


def test_a_consequence_of_refusing_cookies_is_partial() -> None:
    assert suggest(REFUSING_COOKIES_COSTS_A_FEATURE, "consent.not_conditional").status == "partial"


SCOPE_IN_OTHER_WORDS = """\
Privacy Policy

About this statement
This privacy statement tells you what we learn about visitors to our garden club website.

Other websites
Sites we link to are subject to their own privacy policies.
"""


def test_scope_said_in_other_words_is_addressed() -> None:
    assert suggest(SCOPE_IN_OTHER_WORDS, "transparency.scope").status == "addressed"


DELETED_ONCE_ANSWERED = """\
Privacy Policy

Questions
When you write to our help desk, your message will be deleted once we have responded to it.
"""


def test_deletion_once_a_request_is_answered_is_a_partial_end_of_period() -> None:
    assert suggest(DELETED_ONCE_ANSWERED, "retention.end_of_period").status == "partial"


BEACONS_PROVIDED_BY_A_PARTNER = """\
Privacy Policy

Advertising
Some pages carry web beacons provided by our advertising partner to measure which adverts bring visitors.
"""


def test_beacons_provided_by_a_partner_are_partial_embedded_code() -> None:
    assert suggest(BEACONS_PROVIDED_BY_A_PARTNER, "sharing.sdk_inventory").status == "partial"


SHARED_WITH_OTHER_MEMBERS = """\
Privacy Policy

Club pages
You can share your nickname and home town with other club members on your profile page.
"""

STORED_AWAY_FROM_THE_PUBLIC = """\
Privacy Policy

Security
Personal data is stored in secure operating environments that are not available to the public.
"""


def test_sharing_with_other_members_is_partial_public_disclosure() -> None:
    assert suggest(SHARED_WITH_OTHER_MEMBERS, "sharing.public_disclosure").status == "partial"


def test_secure_storage_away_from_the_public_is_not_public_disclosure() -> None:
    assert suggest(STORED_AWAY_FROM_THE_PUBLIC, "sharing.public_disclosure").status == "not_found"


NOTICE_OF_A_COMPROMISE = """\
Privacy Policy

Security
If we believe the security of your account details may have been compromised, we will notify you by e-mail.
"""

NOTICE_WITH_ITS_CONTENT = """\
Privacy Policy

Security
If a data breach affects you, we will notify you and tell you what happened and the steps you should take.
"""


def test_a_notice_of_compromise_without_its_content_is_partial_breach_response() -> None:
    assert suggest(NOTICE_OF_A_COMPROMISE, "security.breach_response").status == "partial"


def test_a_breach_notice_with_its_content_addresses_breach_response() -> None:
    assert suggest(NOTICE_WITH_ITS_CONTENT, "security.breach_response").status == "addressed"


CLIENT_READS_THE_MACHINE = """\
Privacy Policy

Crash reports
A crash report from our client may include information about other software on your computer.
"""


def test_a_client_reading_the_machine_is_partial_device_access() -> None:
    assert suggest(CLIENT_READS_THE_MACHINE, "tracking.device_permissions").status == "partial"


SHARED_AT_THE_PERSONS_CHOICE = """\
Privacy Policy

Partners
If you choose to hear from a local stockist, we will forward your name and phone number to that stockist.
"""


def test_sharing_only_at_the_persons_choice_is_partial_separate_consent() -> None:
    assert suggest(SHARED_AT_THE_PERSONS_CHOICE, "consent.separate_consent_map").status == "partial"


POLICY_DISCLOSES_ITS_PRACTICES = """\
Privacy Policy

About
This privacy policy discloses the privacy practices of our bicycle repair booking site.
"""


def test_a_policy_that_discloses_its_practices_is_addressed_to_its_readers() -> None:
    assert suggest(POLICY_DISCLOSES_ITS_PRACTICES, "transparency.published_accessible").status == "addressed"


POLICY_TELLS_YOU = """\
Privacy Policy

Welcome
This statement tells you about the details our booking site keeps and why.
"""


def test_a_policy_that_tells_you_what_it_covers_is_plain() -> None:
    assert suggest(POLICY_TELLS_YOU, "transparency.plain_prominent").status == "addressed"


RECORDS_MERGED = """\
Privacy Policy

Using what we learn
The details you send may be merged with other information we already hold about your orders.
"""


def test_records_merged_with_other_data_are_no_corporate_transaction() -> None:
    assert suggest(RECORDS_MERGED, "sharing.corporate_transaction").status == "not_found"


JOINT_MARKETING_PARTNERS = """\
Privacy Policy

Sharing
We share details with firms working on our behalf or with whom we have joint marketing agreements.
"""


def test_a_joint_marketing_agreement_binds_no_service_provider() -> None:
    assert suggest(JOINT_MARKETING_PARTNERS, "sharing.processors").status == "partial"


POLICY_EXPLAINS_ITSELF = """\
Privacy Policy

About
We wrote this privacy statement to explain our practices to the members of our chess club.
"""

ASK_FOR_AN_EXPLANATION = """\
Privacy Policy

Your rights
You may ask us to explain how we process your personal information; write to privacy@example.org.
"""


def test_a_policy_explaining_itself_is_no_right_to_an_explanation() -> None:
    assert suggest(POLICY_EXPLAINS_ITSELF, "rights.explanation_of_rules").status == "not_found"


def test_asking_for_an_explanation_addresses_the_right() -> None:
    assert suggest(ASK_FOR_AN_EXPLANATION, "rights.explanation_of_rules").status == "addressed"


CLOSURE_ROUTE_AND_DELETION_NEARBY = """\
Privacy Policy

Closing your account
To close your account, open Settings and choose Close account.
To have your details deleted, write to help@example.org.
"""


def test_a_closure_route_beside_a_deletion_request_without_a_time_is_partial() -> None:
    assert suggest(CLOSURE_ROUTE_AND_DELETION_NEARBY, "rights.account_deletion").status == "partial"


ONLY_IF_YOU_CHOOSE_TO_PROVIDE = """\
Privacy Policy

Visiting
We learn nothing about who you are unless you choose to provide your name in the booking form.
"""


def test_collection_only_by_the_persons_choice_is_partial_consent() -> None:
    assert suggest(ONLY_IF_YOU_CHOOSE_TO_PROVIDE, "consent.informed_voluntary").status == "partial"


CARD_DETAILS_AMONG_ORDINARY_DATA = """\
Privacy Policy

What we collect
To take a booking we ask for your name, e-mail address and credit card details.
"""


def test_card_details_among_ordinary_data_are_partial_sensitive_identification() -> None:
    assert suggest(CARD_DETAILS_AMONG_ORDINARY_DATA, "sensitive.identify_highlight").status == "partial"


SITE_WORKS_WITHOUT_COOKIES = """\
Privacy Policy

Cookies
Cookies make the site quicker to use, but it will still work without them.
"""


def test_a_site_that_works_without_cookies_addresses_no_refusal() -> None:
    assert suggest(SITE_WORKS_WITHOUT_COOKIES, "consent.not_conditional").status == "addressed"


ADS_OF_INTEREST = """\
Privacy Policy

Advertising
Our partners use what you read here to show advertisements that may be of interest to you.
"""


def test_ads_chosen_to_interest_the_person_are_partial_personalisation() -> None:
    assert suggest(ADS_OF_INTEREST, "adm.personalised_push_optout").status == "partial"
