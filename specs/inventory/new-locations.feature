@inventory @rare
Feature: A store opens its stock to the web
  A store the office offers to the web starts feeding what the storefront sells at once, without a restart;
  one withdrawn stops. A warehouse named before it opens stops nothing.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores

  Scenario: A store opening for web sales feeds the storefront from then on
    Given a web item known as "the lamp" with 10 in the warehouse, 4 in "Store 1" and 6 in "Store 2"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When the office offers the stock of "Store 2" to the web
    And the engine's next poll has run
    Then the storefront shows 20 of "the lamp" available
    When "Store 2" sells 2 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 18 of "the lamp" available

  Scenario: A warehouse named before it opens adds nothing and stops nothing
    Given a web item known as "the lamp" with 10 in the warehouse
    And the office names "Warehouse 1" and "Warehouse 2" as the warehouses selling to the web
    When the warehouse receives 5 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 15 of "the lamp" available

  @legacy-data
  Scenario: A store the POS does not know is reported on the item, not guessed
    Given a web item known as "the lamp" with 10 in the warehouse
    And the stores offering their stock to the web are "Store 9"
    When the engine's next poll has run
    Then the engine reports a data error for "the lamp" saying "store 'Store 9' offered to the web is not a Square location"
