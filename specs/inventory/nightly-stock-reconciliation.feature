@inventory @reconciliation
Feature: The nightly reconciliation puts the web's stock right
  With the storefront selling what the warehouse and the stores hold, the storefront's number can still drift:
  staff edit the stock in the shop admin, a push the engine gave up on never arrived, someone keys a count at a
  store that sells the web's stock. Nothing moves it back until that item's stock next changes — unless the
  nightly reconciliation compares every item's number with what the warehouse and the stores say, puts it right
  through the engine's usual stock work, and reports what it found.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores
    And the engine reconciles the storefront with the ERP every night at 03:00 in America/Chicago

  Scenario: Stock edited in the shop admin is put right by the nightly reconciliation
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the merchant's staff change the stock of "the lamp" to 999 in the storefront admin
    And the nightly reconciliation has run
    Then the reconciliation found stock drift on "the lamp" and healed it
    And the storefront shows 10 of "the lamp" available

  Scenario: A count keyed at a store that sells the web's stock is put back to the web's number overnight
    Given a web item known as "the lamp" with 10 in the warehouse and 3 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And "Store 2" sells the web's stock
    And the engine's next poll has run
    When the staff of "Store 2" key a count of 4 of "the lamp"
    And the nightly reconciliation has run
    Then the reconciliation found store stock drift on "the lamp" and healed it
    And "Store 2" shows 13 of "the lamp" in stock

  Scenario: A quiet night: the web's stock is right, nothing is healed
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the nightly reconciliation has run
    Then the reconciliation found nothing to heal on "the lamp"
    And the storefront shows 10 of "the lamp" available
