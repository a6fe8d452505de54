@orders
Feature: Cancelled web orders are cancelled in the ERP
  A web order cancelled before it ships is removed from the ERP; one cancelled
  before the engine ever saw it never reaches the ERP at all.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: An order cancelled before the ERP ships it is deleted from the ERP
    Given a web item known as "the mug"
    When a shopper "mary@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    When the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order

  Scenario: An order cancelled before the engine saw it never reaches the ERP
    Given a web item known as "the lamp"
    When a shopper "dorothy@example.com" orders 1 of "the lamp" on the storefront
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the ERP has exactly 0 customers with the e-mail of "dorothy@example.com"
