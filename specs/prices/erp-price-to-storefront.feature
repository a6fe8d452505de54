@prices
Feature: ERP price changes reach the storefront
  The ERP is the master of prices. The engine polls it for changed items and
  sets the storefront variant's price, where the merchant's admin and shoppers see it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A price change in the ERP reaches the storefront
    Given a web item known as "the mug"
    When the office sets the ERP price of "the mug" to 24.50
    And the engine's next poll has run
    Then the storefront sells "the mug" at 24.50

  Scenario: Only the latest of several price changes between polls is shown
    Given a web item known as "the lamp"
    When the office sets the ERP price of "the lamp" to 30.00
    And the office sets the ERP price of "the lamp" to 28.00
    And the engine's next poll has run
    Then the storefront sells "the lamp" at 28.00

  Scenario: A new web item the storefront does not list yet is listed at its ERP price
    Given the ERP has a new web item "SKU-900001" that the storefront does not list
    When the office sets the ERP price of "SKU-900001" to 9.99
    And the engine's next poll has run
    Then the storefront sells "SKU-900001" at 9.99
    But the storefront lists "SKU-900001" as a draft
    And the engine reports a data error for "SKU-900001" saying "kept as a draft on the storefront until the ERP item has a brand"

  @fault
  Scenario: The office replays what the engine gave up on once the storefront is back
    Given a web item known as "the mug"
    And the storefront is down
    When the office sets the ERP price of "the mug" to 24.75
    And the engine's next poll has run
    And the engine has had 10 minutes to retry
    Then the engine has given up on "the mug"
    When the storefront is back
    And the engine has had 5 minutes to retry
    Then the engine has given up on "the mug"
    When the office replays what the engine gave up on for "the mug"
    Then the storefront sells "the mug" at 24.75
    And the engine has given up on nothing for "the mug"

  @legacy-data
  Scenario: A blocked item keyed for the web is not listed, and blocks nothing else
    Given a web item known as "the mug"
    And the office keys a new web item "SKU-900002" in the ERP:
      | field       | value          |
      | description | Withdrawn Lamp |
      | brand       | Contoso        |
      | price       | 12.00          |
      | blocked     | yes            |
    When the office sets the ERP price of "SKU-900002" to 9.99
    And the office sets the ERP price of "the mug" to 31.00
    And the engine's next poll has run
    Then the storefront does not list "SKU-900002"
    And the engine reports no data error for "SKU-900002"
    And the storefront sells "the mug" at 31.00
    And the engine reports no data error for "the mug"
