@out-of-stock @shopper-view
Feature: Shoppers see items come back
  What a shopper sees in the browser when an item that was gone comes back: restocked after
  selling out, or unblocked by the office after it was archived.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: Shoppers can buy a sold-out item again once it is restocked
    Given a web item known as "the lamp" with 0 in stock in the ERP
    And the engine's next poll has run
    When the warehouse receives 20 of "the lamp" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the lamp" sees "In stock"
    And a shopper can add "the lamp" to the cart

  Scenario: Shoppers can buy an item again once the office unblocks it
    Given a web item known as "the kettle" with 20 in stock in the ERP
    When the office blocks "the kettle" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the kettle" sees "No longer available"
    When the office unblocks "the kettle" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "the kettle" sees "In stock"
    And a shopper can add "the kettle" to the cart
