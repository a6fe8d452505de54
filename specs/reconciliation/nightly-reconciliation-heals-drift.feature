@reconciliation
Feature: The nightly reconciliation finds the storefront's drift from the ERP and heals it
  Between syncs the storefront can drift from the ERP: staff edit a price or the stock in the storefront's
  admin, a product is archived by hand, a change the engine gave up on never arrived. Every night the engine
  compares the whole storefront with the ERP, heals what drifted through its normal processes, and reports
  what it found — and what it cannot heal, such as a product the ERP does not know or an item the mapping
  cannot read, for the office to put right.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine reconciles the storefront with the ERP every night at 03:00 in America/Chicago
    And a web item known as "the mug"

  Scenario Outline: A <what> changed on the storefront behind the engine's back is put right overnight (<value>)
    When the merchant's staff change the <what> of "the mug" to <value> in the storefront admin
    And the nightly reconciliation has run
    Then the reconciliation found <what> drift on "the mug" and healed it
    And the storefront shows "the mug" as the ERP has it

    Examples:
      | what   | value    |
      | price  | 1.00     |
      | stock  | 999      |
      | status | ARCHIVED |
      | status | DRAFT    |

  Scenario: A quiet night: nothing drifted, nothing is healed
    When the nightly reconciliation has run
    Then the reconciliation found nothing to heal on "the mug"
    And the storefront shows "the mug" as the ERP has it

  Scenario: Drift healed one night is not found again the next
    When the merchant's staff change the price of "the mug" to 1.00 in the storefront admin
    And the nightly reconciliation has run
    And the nightly reconciliation has run
    Then the reconciliation found nothing to heal on "the mug"
    And the storefront shows "the mug" as the ERP has it

  Scenario: A product listed by hand that the ERP does not know is reported and left alone
    Given the merchant's staff list a product "GIFT-CARD-50" by hand in the storefront admin
    When the nightly reconciliation has run
    Then the reconciliation reported "GIFT-CARD-50" without healing it, saying "the ERP has no item with this SKU"
    And the storefront lists "GIFT-CARD-50" as active

  @legacy-data
  Scenario: An item the mapping cannot read is reported for the office, its price still healed
    When the office changes the unit of "the mug" to "BARREL" in the ERP
    And the engine's next poll has run
    And the merchant's staff change the price of "the mug" to 1.00 in the storefront admin
    And the nightly reconciliation has run
    Then the reconciliation reported "the mug" without healing it, saying "not in the mapping's code table"
    And the reconciliation found price drift on "the mug" and healed it

  @fault
  Scenario: A price change the engine gave up on is healed by the next nightly reconciliation
    Given the storefront is down
    When the office sets the ERP price of "the mug" to 24.75
    And the engine's next poll has run
    And the engine has had 10 minutes to retry
    Then the engine has given up on "the mug"
    When the storefront is back
    And the nightly reconciliation has run
    Then the reconciliation found price drift on "the mug" and healed it
    And the storefront sells "the mug" at 24.75

  @fault
  Scenario: The storefront is down at 03:00: the reconciliation runs as soon as it answers, once
    When the merchant's staff change the price of "the mug" to 1.00 in the storefront admin
    And the storefront answers every call with 503
    And the nightly reconciliation has run
    Then the reconciliation has run 0 times on 2026-11-03 in America/Chicago
    When the storefront answers normally again
    And the engine has had 10 minutes to retry
    Then the reconciliation ran once on 2026-11-03, at 03:00 in America/Chicago
    And the reconciliation found price drift on "the mug" and healed it
    And the storefront shows "the mug" as the ERP has it
