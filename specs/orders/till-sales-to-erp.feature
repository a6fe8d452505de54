@orders @pos
Feature: Sales at the stores' tills reach the ERP
  A customer who pays at a store's till takes the goods home: Square records the sale, and the ERP must
  book it too, or its stock and its turnover are wrong. Each sale becomes one ERP sales document for the
  walk-in cash customer, shipped and invoiced at once, never twice however often the engine sees the sale.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A sale at the till reaches the ERP once, invoiced to the cash customer
    Given a web item known as "the lamp" with 10 in stock in the ERP
    And the engine's next poll has run
    When a customer buys 2 of "the lamp" at the till in "Store 1"
    And the engine polls 3 more times
    Then the ERP has 1 invoice for the till sale, to the cash customer "POS-CASH"
    And the storefront shows 8 of "the lamp" available

  Scenario: The ERP down: the till's sale is booked once it is back, and only once
    Given a web item known as "the lamp" with 10 in stock in the ERP
    And the engine's next poll has run
    When a customer buys 1 of "the lamp" at the till in "Store 2"
    And the ERP answers every call with 503
    And the engine polls 2 more times
    And the ERP answers normally again
    And the engine polls 3 more times
    Then the ERP has 1 invoice for the till sale, to the cash customer "POS-CASH"
    And the storefront shows 9 of "the lamp" available
