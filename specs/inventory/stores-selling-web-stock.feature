@inventory @pos
Feature: Stores that sell the web's stock show the web's available quantity
  Some stores sell from the web's stock rather than their own shelves (a click-and-collect
  counter, a showroom): the office names them, and their POS count follows what the storefront
  shows available — from the ERP, or from the warehouse and the stores offered to the web.
  Items out for good get no more stock.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A store selling web stock shows the web's available quantity
    Given a web item known as "the lamp" with 10 in stock in the ERP
    And "Store 2" sells the web's stock
    When the warehouse books 4 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 6 of "the lamp" available
    And "Store 2" shows 6 of "the lamp" in stock

  Scenario: With available-to-sell from the warehouse and the stores, the store shows what the web offers
    Given the engine plans available-to-sell from the warehouse and the stores
    And a web item known as "the lamp" with 10 in the warehouse and 3 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And "Store 2" sells the web's stock
    When the engine's next poll has run
    Then the storefront shows 13 of "the lamp" available
    And "Store 2" shows 13 of "the lamp" in stock
    When "Store 1" sells 2 of "the lamp"
    And the engine's next poll has run
    Then "Store 2" shows 11 of "the lamp" in stock

  @legacy-data
  Scenario: A store Square does not know is reported on the item, the web keeps its number
    Given a web item known as "the lamp" with 10 in stock in the ERP
    And "Store 99" sells the web's stock
    When the warehouse books 1 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 9 of "the lamp" available
    And the engine reports a data error for "the lamp" saying "Store 99"
