@clearance
Feature: Low stock and clearance, in depth
  The edges of the low-stock flag and of an end-of-line sell-off: the threshold itself, an
  item that sells out while flagged low, thresholds the office changes, clearance on an item
  that is low or already sold out, and clearance ended or turned into a discontinuation.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: Stock exactly at the item's threshold is flagged low
    Given a web item known as "the lamp" with 10 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    When the engine's next poll has run
    Then the storefront flags "the lamp" as low stock

  Scenario: An item flagged low that sells out is back soon, no longer low
    Given a web item known as "the lamp" with 6 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    And the engine's next poll has run
    When the warehouse books 6 of "the lamp" out in the ERP
    And the engine's next poll has run
    Then the storefront does not flag "the lamp" as low stock
    And the storefront flags "the lamp" as back soon

  Scenario: The office raises the item's threshold, and the item is flagged without a stock change
    Given a web item known as "the lamp" with 12 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    When the engine's next poll has run
    Then the storefront does not flag "the lamp" as low stock
    When the office sets the low-stock threshold of "the lamp" to 15 in the ERP
    And the engine's next poll has run
    Then the storefront flags "the lamp" as low stock

  Scenario: Moving an item out of a category with a threshold clears the flag
    Given a web item known as "the notebook" in the category "STATIONERY" with 10 in stock in the ERP
    And the engine's next poll has run
    When the office moves "the notebook" to the category "APPAREL" in the ERP
    And the engine's next poll has run
    Then the storefront does not flag "the notebook" as low stock

  Scenario: An end-of-line item running low is flagged both clearance and low stock
    Given a web item known as "the pan" in the category "KITCHEN" with 4 in stock in the ERP
    When the office codes "the pan" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront flags "the pan" as clearance
    And the storefront flags "the pan" as low stock
    And the storefront lists "the pan" as active

  Scenario: An item already sold out when the office ends its line is archived at once
    Given a web item known as "the jug" with 0 in stock in the ERP
    When the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the jug" as archived

  Scenario: A cleared item the office then discontinues is archived while stock remains
    Given a web item known as "the jug" with 5 in stock in the ERP
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    When the office codes "the jug" as "DISC" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront lists "the jug" as archived

  Scenario: A sold-off clearance item that gets stock back is listed again at the clearance price
    Given a web item known as "the jug" with 2 in stock in the ERP
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the warehouse books 2 of "the jug" out in the ERP
    And the engine's next poll has run
    Then the storefront lists "the jug" as archived
    When the warehouse receives 1 of "the jug" in the ERP
    And the engine's next poll has run
    Then the storefront lists "the jug" as active
    And the storefront sells "the jug" at 28.00 instead of 40.00
    And the storefront flags "the jug" as clearance

  Scenario: Backorders the office allowed come back when the clearance ends
    Given a web item known as "the chair"
    And the office allows backorders for "the chair" in the ERP
    When the office codes "the chair" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the office codes "the chair" as "" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront keeps selling "the chair" when it is out of stock

  Scenario Outline: The clearance price is rounded to the cent
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to <erp price>
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the jug" at <clearance price> instead of <erp price>

    Examples:
      | erp price | clearance price |
      | 1.00      | 0.70            |
      | 0.05      | 0.04            |
      | 123.45    | 86.42           |

  @legacy-data
  Scenario: A life-cycle code keyed with stray spaces still starts a clearance
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to 20.00
    And the office codes "the jug" as " eol " in the ERP's life-cycle field
    And the engine's next poll has run
    Then the storefront sells "the jug" at 14.00 instead of 20.00
    And the storefront flags "the jug" as clearance

  @fault
  Scenario: The storefront is down when the line ends; the clearance arrives once it is back
    Given a web item known as "the jug"
    And the storefront answers every call with 503
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the storefront answers normally again
    And the engine has had 3 minutes to retry
    Then the storefront sells "the jug" at 28.00 instead of 40.00
    And the storefront flags "the jug" as clearance

  @shopper-view
  Scenario: Shoppers see "only N left" from the category's threshold
    Given a web item known as "the pan" in the category "KITCHEN" with 7 in stock in the ERP
    When the engine's next poll has run
    Then a shopper looking at "the pan" sees "Only 7 left"
    And a shopper can add "the pan" to the cart

  @shopper-view
  Scenario: Shoppers see an item restocked above its threshold as in stock
    Given a web item known as "the lamp" with 9 in stock in the ERP
    And the office sets the low-stock threshold of "the lamp" to 10 in the ERP
    And the engine's next poll has run
    When the warehouse receives 20 of "the lamp" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the lamp" sees "In stock"

  @shopper-view
  Scenario: Shoppers find a sold-out clearance item no longer available
    Given a web item known as "the jug" with 3 in stock in the ERP
    When the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the warehouse books 3 of "the jug" out in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the jug" sees "No longer available"
    And a shopper cannot add "the jug" to the cart

  @shopper-view
  Scenario: Shoppers see the clearance price follow an ERP price change
    Given a web item known as "the jug" with 20 in stock in the ERP
    When the office sets the ERP price of "the jug" to 50.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the office sets the ERP price of "the jug" to 30.00
    And the engine's next poll has run
    Then a shopper looking at "the jug" sees the price $21.00 with $30.00 struck through
    And a shopper can add "the jug" to the cart

  @shopper-view
  Scenario: Shoppers see the full price again, nothing struck through, once the clearance ends
    Given a web item known as "the jug" with 20 in stock in the ERP
    When the office sets the ERP price of "the jug" to 40.00
    And the office codes "the jug" as "EOL" in the ERP's life-cycle field
    And the engine's next poll has run
    And the office codes "the jug" as "" in the ERP's life-cycle field
    And the engine's next poll has run
    Then a shopper looking at "the jug" sees the price $40.00, nothing struck through
