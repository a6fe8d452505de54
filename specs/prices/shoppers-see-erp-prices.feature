@prices @shopper-view
Feature: Shoppers see the ERP's prices
  A price the office changes in the ERP is the price a shopper sees in the browser, shown as
  a plain price: nothing is struck through unless there is a markdown.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: Shoppers see the new ERP price, nothing struck through
    Given a web item known as "the mug" with 20 in stock in the ERP
    When the office sets the ERP price of "the mug" to 27.50
    And the engine's next poll has run
    Then a shopper looking at "the mug" sees the price $27.50, nothing struck through
    And a shopper can add "the mug" to the cart
